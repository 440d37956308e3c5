package io.github.keycloaksspr.method;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;
import org.keycloak.utils.EmailValidationUtil;

/**
 * A user's authentication email: an address proven at registration that codes go to, which may differ from the
 * account's email (Entra keeps the two apart too). Stored as an {@code sspr-email} credential,
 * {@code {"address":"someone@example.com"}}, so users can't change it through the profile form.
 */
public final class EmailCredentials {

    public static final String TYPE = "sspr-email";
    public static final int MAX_LENGTH = 254;

    private EmailCredentials() {
    }

    /** The address registered last, with its credential id. */
    public static Optional<RegisteredEmail> registered(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(TYPE)
                .reduce((first, second) -> second)
                .flatMap(credential -> parse(credential.getCredentialData())
                        .map(address -> new RegisteredEmail(credential.getId(), address)));
    }

    /** A well-formed address, lower-cased domain and all, or empty. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH || !EmailValidationUtil.isValidEmail(trimmed)) {
            return Optional.empty();
        }
        return Optional.of(trimmed.toLowerCase(Locale.ROOT));
    }

    public static String credentialData(String address) {
        try {
            StoredEmail stored = new StoredEmail();
            stored.address = address;
            return JsonSerialization.writeValueAsString(stored);
        } catch (IOException e) {
            throw new IllegalStateException("an address always serialises", e);
        }
    }

    static Optional<String> parse(String credentialData) {
        if (credentialData == null) {
            return Optional.empty();
        }
        try {
            return normalise(JsonSerialization.readValue(credentialData, StoredEmail.class).address);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A registered address and the credential that holds it. */
    public record RegisteredEmail(String credentialId, String address) {
    }

    /** The stored JSON; a plain class so Keycloak's Jackson reads it without extra modules. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class StoredEmail {
        public String address;
    }
}
