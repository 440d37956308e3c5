package io.github.keycloaksspr.phone;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;

/** Reads phone numbers as people type them, with Google's libphonenumber, and says whether one can take an SMS. */
public final class PhoneNumbers {

    /** Longer than any number with an extension a person would type; longer input is not even parsed. */
    public static final int MAX_LENGTH = 32;

    /** The extension markers libphonenumber understands; what is left after removing one must have no letters. */
    private static final Pattern EXTENSION_SUFFIX = Pattern.compile(
            "(?i)(?:;ext=|\\s*(?:ext\\.?|extn\\.?|extension|x)\\s*)\\d+\\s*$");

    private static final Pattern EXTENSION_DIGITS = Pattern.compile("\\d{0,10}");

    /**
     * Types that cannot receive an SMS. Everything else counts as capable, unknown types included: refusing a real
     * mobile because the metadata is behind would lock its owner out, and Twilio reports a landline anyway.
     */
    private static final Set<PhoneNumberType> NOT_FOR_SMS = EnumSet.of(PhoneNumberType.FIXED_LINE,
            PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST,
            PhoneNumberType.UAN, PhoneNumberType.VOICEMAIL, PhoneNumberType.PAGER);

    private PhoneNumbers() {
    }

    /**
     * Parses {@code raw} as typed, e.g. {@code +49 30 1234567 ext. 89} or {@code (415) 555-0100}.
     *
     * @param defaultRegion the ISO 3166 country a number without a leading + belongs to (e.g. {@code US}), or
     *                      null/blank to require the +
     */
    public static ParsedPhone parse(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return ParsedPhone.refused(PhoneProblem.EMPTY);
        }
        if (raw.length() > MAX_LENGTH) {
            return ParsedPhone.refused(PhoneProblem.TOO_LONG);
        }
        if (EXTENSION_SUFFIX.matcher(raw).replaceFirst("").codePoints().anyMatch(Character::isLetter)) {
            return ParsedPhone.refused(PhoneProblem.LETTERS);
        }
        String region = defaultRegion == null || defaultRegion.isBlank()
                ? null : defaultRegion.trim().toUpperCase(Locale.ROOT);
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = util.parse(raw, region);
        } catch (NumberParseException e) {
            return ParsedPhone.refused(e.getErrorType() == NumberParseException.ErrorType.INVALID_COUNTRY_CODE
                    ? PhoneProblem.UNKNOWN_COUNTRY : PhoneProblem.INVALID);
        }
        if (!util.isValidNumber(parsed)) {
            return ParsedPhone.refused(PhoneProblem.INVALID);
        }
        String extension = parsed.hasExtension() ? parsed.getExtension() : "";
        if (!EXTENSION_DIGITS.matcher(extension).matches()) {
            return ParsedPhone.refused(PhoneProblem.INVALID);
        }
        return ParsedPhone.of(new PhoneNumber(util.format(parsed, PhoneNumberFormat.E164), extension));
    }

    /** Whether {@code number} may receive an SMS, as far as libphonenumber can tell from its range. */
    public static boolean isMobileCapable(PhoneNumber number) {
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            return !NOT_FOR_SMS.contains(util.getNumberType(util.parse(number.e164(), null)));
        } catch (NumberParseException e) {
            return false;
        }
    }
}
