package io.github.keycloaksspr.code;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.keycloaksspr.secret.DerivedKey;

/**
 * A pending one-time code as it is stored in the authentication session: never the code, only an HMAC of it under
 * a key that lives in the realm's keys, not in the session store. A dump of the session store alone therefore
 * cannot be brute-forced back into the code.
 *
 * @param method    the method the code proves
 * @param digits    how many digits the code has
 * @param kid       the id of the realm key the HMAC key was derived from
 * @param salt      random salt, base64
 * @param hash      HMAC-SHA256 of salt and code, base64
 * @param expiresAt epoch millis after which the code no longer proves anything
 */
public record OneTimeCode(String method, int digits, String kid, String salt, String hash, long expiresAt) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "sspr.code.";

    /** A freshly issued code: the plain value goes to the user once, the record stays on the server. */
    public record Issued(String plain, OneTimeCode stored) {
    }

    public static Issued issue(String method, int digits, Duration ttl, long now, DerivedKey key) {
        StringBuilder plain = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            plain.append((char) ('0' + RANDOM.nextInt(10)));
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String code = plain.toString();
        OneTimeCode stored = new OneTimeCode(method, digits, key.kid(), Base64.getEncoder().encodeToString(salt),
                hash(key.bytes(), salt, code), now + ttl.toMillis());
        return new Issued(code, stored);
    }

    /**
     * Compares in constant time; input is normalised first so "1234 5678" and "1234-5678" are accepted.
     * {@code key} is the key derived from the realm key named by {@link #kid()}; null when that key was removed,
     * which makes every candidate a mismatch.
     */
    public CodeCheck check(String candidate, long now, DerivedKey key) {
        if (now > expiresAt) {
            return CodeCheck.EXPIRED;
        }
        if (key == null || !key.kid().equals(kid)) {
            return CodeCheck.MISMATCH;
        }
        String normalised = normalise(candidate);
        byte[] expected = Base64.getDecoder().decode(hash);
        byte[] actual = Base64.getDecoder().decode(hash(key.bytes(), Base64.getDecoder().decode(salt), normalised));
        boolean equal = MessageDigest.isEqual(expected, actual) && normalised.length() == digits;
        return equal ? CodeCheck.MATCH : CodeCheck.MISMATCH;
    }

    public Map<String, String> toNotes() {
        Map<String, String> notes = new HashMap<>();
        notes.put(PREFIX + "method", method);
        notes.put(PREFIX + "digits", Integer.toString(digits));
        notes.put(PREFIX + "kid", kid);
        notes.put(PREFIX + "salt", salt);
        notes.put(PREFIX + "hash", hash);
        notes.put(PREFIX + "expires", Long.toString(expiresAt));
        return notes;
    }

    public static List<String> noteNames() {
        return List.of(PREFIX + "method", PREFIX + "digits", PREFIX + "kid", PREFIX + "salt", PREFIX + "hash",
                PREFIX + "expires");
    }

    /** Reads a pending code back; empty when none is pending or the notes are incomplete. */
    public static Optional<OneTimeCode> fromNotes(Function<String, String> notes) {
        String method = notes.apply(PREFIX + "method");
        String digits = notes.apply(PREFIX + "digits");
        String kid = notes.apply(PREFIX + "kid");
        String salt = notes.apply(PREFIX + "salt");
        String hash = notes.apply(PREFIX + "hash");
        String expires = notes.apply(PREFIX + "expires");
        if (method == null || digits == null || kid == null || salt == null || hash == null || expires == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OneTimeCode(method, Integer.parseInt(digits), kid, salt, hash,
                    Long.parseLong(expires)));
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

    private static String hash(byte[] key, byte[] salt, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(salt);
            mac.update(code.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        // the hash and salt stay out of logs all the same
        return "OneTimeCode[method=" + method + ", expiresAt=" + expiresAt + "]";
    }
}
