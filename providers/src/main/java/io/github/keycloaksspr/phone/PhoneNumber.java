package io.github.keycloaksspr.phone;

import java.util.Objects;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * A phone number in E.164 form ({@code +14155550100}) with an optional extension of digits only, dialled after the
 * call connects. Build one with {@link PhoneNumbers#parse(String, String)}; {@link #toString()} shows the mask only,
 * so a number never lands in a log by accident.
 */
public record PhoneNumber(String e164, String extension) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    /** Digits only: the extension becomes Twilio's SendDigits, where other characters are instructions. */
    private static final Pattern EXTENSION = Pattern.compile("\\d{0,10}");
    private static final String BULLETS = "\u2022\u2022\u2022";

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        extension = extension == null ? "" : extension;
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("Not an E.164 number");
        }
        if (!EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("An extension has up to 10 digits");
        }
    }

    public boolean hasExtension() {
        return !extension.isEmpty();
    }

    /**
     * The country code, fixed-width bullets and the last two digits: {@code +1 ••• ••• ••12}. The width never
     * changes, so the mask does not tell how long the number is; the extension is left out for the same reason.
     */
    public String masked() {
        return "+" + countryCode() + " " + BULLETS + " " + BULLETS + " \u2022\u2022" + e164.substring(e164.length() - 2);
    }

    @Override
    public String toString() {
        return "PhoneNumber[" + masked() + "]";
    }

    private int countryCode() {
        try {
            return PhoneNumberUtil.getInstance().parse(e164, null).getCountryCode();
        } catch (NumberParseException e) {
            // The constructor admits only E.164, whose country code libphonenumber always reads.
            throw new IllegalStateException("E.164 number without a readable country code", e);
        }
    }
}
