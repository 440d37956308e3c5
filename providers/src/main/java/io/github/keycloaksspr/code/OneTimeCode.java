package io.github.keycloaksspr.code;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A pending one-time code as it is stored in the authentication session: only a salted hash, never the code, so
 * the code cannot leak through a session dump or a debug log of auth notes.
 *
 * @param method    the method the code proves
 * @param digits    how many digits the code has
 * @param salt      random salt, base64
 * @param hash      SHA-256 of salt and code, base64
 * @param expiresAt epoch millis after which the code no longer proves anything
 * @param sentAt    epoch millis when it was sent, for the resend cooldown
 */
public record OneTimeCode(String method, int digits, String salt, String hash, long expiresAt, long sentAt) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "sspr.code.";

    /** A freshly issued code: the plain value goes to the user once, the record stays on the server. */
    public record Issued(String plain, OneTimeCode stored) {
    }

    public static Issued issue(String method, int digits, Duration ttl, long now) {
        StringBuilder plain = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            plain.append((char) ('0' + RANDOM.nextInt(10)));
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String code = plain.toString();
        OneTimeCode stored = new OneTimeCode(method, digits, Base64.getEncoder().encodeToString(salt),
                hash(salt, code), now + ttl.toMillis(), now);
        return new Issued(code, stored);
    }

    /** Compares in constant time; input is normalised first so "1234 5678" and "1234-5678" are accepted. */
    public CodeCheck check(String candidate, long now) {
        String normalised = normalise(candidate);
        byte[] expected = Base64.getDecoder().decode(hash);
        byte[] actual = Base64.getDecoder().decode(hash(Base64.getDecoder().decode(salt), normalised));
        boolean equal = MessageDigest.isEqual(expected, actual) && normalised.length() == digits;
        if (now > expiresAt) {
            return CodeCheck.EXPIRED;
        }
        return equal ? CodeCheck.MATCH : CodeCheck.MISMATCH;
    }

    public long secondsUntilResendAllowed(Duration cooldown, long now) {
        long waitMillis = sentAt + cooldown.toMillis() - now;
        return waitMillis <= 0 ? 0 : (waitMillis + 999) / 1000;
    }

    public Map<String, String> toNotes() {
        Map<String, String> notes = new HashMap<>();
        notes.put(PREFIX + "method", method);
        notes.put(PREFIX + "digits", Integer.toString(digits));
        notes.put(PREFIX + "salt", salt);
        notes.put(PREFIX + "hash", hash);
        notes.put(PREFIX + "expires", Long.toString(expiresAt));
        notes.put(PREFIX + "sent", Long.toString(sentAt));
        return notes;
    }

    public static Iterable<String> noteNames() {
        return java.util.List.of(PREFIX + "method", PREFIX + "digits", PREFIX + "salt", PREFIX + "hash",
                PREFIX + "expires", PREFIX + "sent");
    }

    /** Reads a pending code back; empty when none is pending or the notes are incomplete. */
    public static Optional<OneTimeCode> fromNotes(Function<String, String> notes) {
        String method = notes.apply(PREFIX + "method");
        String digits = notes.apply(PREFIX + "digits");
        String salt = notes.apply(PREFIX + "salt");
        String hash = notes.apply(PREFIX + "hash");
        String expires = notes.apply(PREFIX + "expires");
        String sent = notes.apply(PREFIX + "sent");
        if (method == null || digits == null || salt == null || hash == null || expires == null || sent == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OneTimeCode(method, Integer.parseInt(digits), salt, hash,
                    Long.parseLong(expires), Long.parseLong(sent)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String normalise(String candidate) {
        if (candidate == null) {
            return "";
        }
        StringBuilder digitsOnly = new StringBuilder();
        for (char c : candidate.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digitsOnly.append(c);
            } else if (c != ' ' && c != '-') {
                // anything else makes the input wrong, but keep the comparison's cost the same
                digitsOnly.append('x');
            }
        }
        return digitsOnly.toString();
    }

    private static String hash(byte[] salt, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(code.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        // never print the hash or salt: together they let anyone brute-force an 8-digit code offline
        return "OneTimeCode[method=" + method + ", expiresAt=" + expiresAt + "]";
    }
}
