package io.github.keycloaksspr.phone;

/** Why a typed phone number was refused; each value maps to one plain sentence on the page that asked for it. */
public enum PhoneProblem {
    /** Nothing was typed. */
    EMPTY,
    /** More than {@link PhoneNumbers#MAX_LENGTH} characters: no real number is that long, so it is not parsed. */
    TOO_LONG,
    /** Letters outside an extension marker such as "ext." or "x": vanity numbers are not accepted. */
    LETTERS,
    /** No leading + and no default region to read the number in, or a country code that does not exist. */
    UNKNOWN_COUNTRY,
    /** Not a number that can exist in its country: wrong length, unassigned range, or not a number at all. */
    INVALID
}
