package io.github.keycloaksspr.registration;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.UserModel;

import io.github.keycloaksspr.method.EmailCredentials;
import io.github.keycloaksspr.method.Masking;
import io.github.keycloaksspr.method.MethodKind.Factor;
import io.github.keycloaksspr.phone.PhoneNumber;
import io.github.keycloaksspr.phone.PhoneNumbers;

/**
 * Contact data an admin filled in for a user (the user's Attributes tab, admin REST or a directory mapper), as
 * Entra lets admins pre-populate phone numbers and the authentication email. It proves nothing until the user
 * receives a code there; once they do it becomes a registered method, and the value no longer shows. The attribute is
 * left as the admin set it: it may be mapped from the directory, where removing it would remove the user's number.
 */
final class Prefill {

    static final String EMAIL = "sspr.prefill.email";
    static final String MOBILE_PHONE = "sspr.prefill.mobile-phone";
    static final String OFFICE_PHONE = "sspr.prefill.office-phone";
    static final String OFFICE_EXTENSION = "sspr.prefill.office-extension";

    private Prefill() {
    }

    /** A pre-filled value, as a code goes to it and as the page shows it. */
    record Value(String destination, String extension, String masked) {
    }

    /** The usable pre-filled values; a value that isn't a valid address or number is ignored. */
    static Map<Factor, Value> of(UserModel user) {
        Map<Factor, Value> values = new EnumMap<>(Factor.class);
        EmailCredentials.normalise(user.getFirstAttribute(EMAIL))
                .ifPresent(address -> values.put(Factor.EMAIL, new Value(address, "", Masking.email(address))));
        phone(user.getFirstAttribute(MOBILE_PHONE), "").filter(PhoneNumbers::isMobileCapable)
                .ifPresent(number -> values.put(Factor.MOBILE_PHONE, value(number)));
        phone(user.getFirstAttribute(OFFICE_PHONE), user.getFirstAttribute(OFFICE_EXTENSION))
                .ifPresent(number -> values.put(Factor.OFFICE_PHONE, value(number)));
        return values;
    }

    private static Value value(PhoneNumber number) {
        return new Value(number.e164(), number.extension(), number.masked());
    }

    private static Optional<PhoneNumber> phone(String raw, String extension) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String digits = extension == null ? "" : extension.strip();
        if (!digits.chars().allMatch(Character::isDigit) || digits.length() > 10) {
            return Optional.empty();
        }
        return PhoneNumbers.parse(raw.strip(), null).number()
                .map(number -> new PhoneNumber(number.e164(), digits.isEmpty() ? number.extension() : digits));
    }
}
