package io.github.keycloaksspr.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.github.keycloaksspr.method.MethodKind;

/**
 * How throttles name what they count, and the hash under which it is stored, so phone numbers and IP addresses
 * never sit in the table in clear.
 */
public final class Subjects {

    private Subjects() {
    }

    /** A user's own counters: failed proofs, sends, the block. */
    public static String user(String userId) {
        return userId;
    }

    /** One user's code tries for one method, counted apart from the other methods. */
    public static String userMethod(String userId, MethodKind method) {
        return userId + "/" + method.id();
    }

    /** Every subject that names the user, whatever the kind. */
    public static List<String> allOfUser(String userId) {
        List<String> subjects = new ArrayList<>();
        subjects.add(user(userId));
        for (MethodKind method : MethodKind.values()) {
            subjects.add(userMethod(userId, method));
        }
        return subjects;
    }

    /** The lower-case hex SHA-256 of the subject's UTF-8 bytes: 64 characters. */
    public static String hash(String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
