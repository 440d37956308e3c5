package io.github.keycloaksspr.method;

/**
 * Masks contact data shown on reset pages. The mask has a fixed width so it does not reveal the length of the
 * hidden part, and it keeps just enough for the owner to recognise their own address.
 */
public final class Masking {

    static final String BULLETS = "\u2022\u2022\u2022";

    private Masking() {
    }

    public static String email(String address) {
        if (address == null || address.isBlank()) {
            return BULLETS;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return BULLETS;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        String maskedLocal = local.codePointCount(0, local.length()) <= 2
                ? firstCodePoint(local) + BULLETS
                : firstCodePoint(local) + BULLETS + lastCodePoint(local);
        return maskedLocal + "@" + domain;
    }

    private static String firstCodePoint(String value) {
        return new String(Character.toChars(value.codePointAt(0)));
    }

    private static String lastCodePoint(String value) {
        return new String(Character.toChars(value.codePointBefore(value.length())));
    }
}
