package io.github.keycloaksspr.method;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.jboss.logging.Logger;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

import io.github.keycloaksspr.phone.PhoneNumber;
import io.github.keycloaksspr.phone.PhoneNumbers;

/**
 * A user's registered phones. They are Keycloak credentials rather than profile attributes, so a user cannot change
 * them through the account console's profile form, an admin sees and removes them in the user's Credentials tab,
 * and a migration imports them with the user. The credential data is {@code {"number":"+14155550100",
 * "extension":"89"}}, the number already in E.164 form.
 */
public final class PhoneCredentials {

    public static final String MOBILE_TYPE = "sspr-mobile-phone";
    public static final String OFFICE_TYPE = "sspr-office-phone";

    private static final Logger LOG = Logger.getLogger(PhoneCredentials.class);

    private PhoneCredentials() {
    }

    public static Optional<RegisteredPhone> mobile(UserModel user) {
        return latest(user, MOBILE_TYPE);
    }

    public static Optional<RegisteredPhone> office(UserModel user) {
        return latest(user, OFFICE_TYPE);
    }

    /** The phone registered last; one that can't be read (edited by hand, say) counts as none, and is logged. */
    private static Optional<RegisteredPhone> latest(UserModel user, String type) {
        return user.credentialManager().getStoredCredentialsByTypeStream(type)
                .reduce((first, second) -> second)
                .flatMap(credential -> read(credential, type));
    }

    private static Optional<RegisteredPhone> read(CredentialModel credential, String type) {
        Optional<PhoneNumber> number = parse(credential.getCredentialData());
        if (number.isEmpty()) {
            LOG.warnf("Ignoring unreadable %s credential %s", type, credential.getId());
        }
        return number.map(phone -> new RegisteredPhone(credential.getId(), phone));
    }

    /** The credential data that stores {@code number}. */
    public static String credentialData(PhoneNumber number) {
        StoredPhone stored = new StoredPhone();
        stored.number = number.e164();
        stored.extension = number.extension();
        try {
            return JsonSerialization.writeValueAsString(stored);
        } catch (IOException e) {
            throw new IllegalStateException("a phone always serialises", e);
        }
    }

    /** The phone in a credential's data, if it is one: E.164 and an extension of digits. */
    static Optional<PhoneNumber> parse(String credentialData) {
        if (credentialData == null) {
            return Optional.empty();
        }
        try {
            StoredPhone stored = JsonSerialization.readValue(credentialData, StoredPhone.class);
            // E.164 is not enough: libphonenumber must know the number, as it does for numbers users type
            Optional<PhoneNumber> number = PhoneNumbers.parse(stored.number, null).number()
                    .filter(parsed -> parsed.e164().equals(stored.number));
            return number.map(parsed -> new PhoneNumber(parsed.e164(), stored.extension));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A registered phone and the credential that holds it. */
    public record RegisteredPhone(String credentialId, PhoneNumber number) {

        Registration registration(MethodKind kind) {
            return new Registration(kind, number.masked(), credentialId);
        }
    }

    /** The stored JSON; a plain class so Keycloak's Jackson reads it without extra modules. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class StoredPhone {
        public String number;
        public String extension;
    }
}
