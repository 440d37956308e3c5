package io.github.keycloaksspr.questions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A security question a user can register. Built-in questions carry a message key, so each user reads them in
 * their own language; admin-defined ones carry their text as the admin typed it.
 *
 * @param id         stable id stored with a user's registration: {@code first-concert} or {@code custom-1a2b3c4d}
 * @param messageKey the theme message holding the text of a built-in question; null for a custom one
 * @param customText the text of an admin-defined question; null for a built-in one
 */
public record Question(String id, String messageKey, String customText) {

    static final String MESSAGE_KEY_PREFIX = "ssprQuestion_";
    static final String CUSTOM_ID_PREFIX = "custom-";
    public static final int MAX_CUSTOM_TEXT_LENGTH = 200;

    public Question {
        Objects.requireNonNull(id, "id");
        if ((messageKey == null) == (customText == null)) {
            throw new IllegalArgumentException("A question has either a message key or a custom text");
        }
    }

    /** A built-in question; its text is the theme message {@code ssprQuestion_<id>}. */
    public static Question builtIn(String id) {
        return new Question(id, MESSAGE_KEY_PREFIX + id, null);
    }

    /**
     * An admin-defined question. Its id derives from the text, so a registration keeps pointing at the same question
     * however the admin reorders the list, and an edited text counts as a new question.
     */
    public static Question custom(String text) {
        String trimmed = text.strip();
        return new Question(customId(trimmed), null, trimmed);
    }

    public boolean isCustom() {
        return customText != null;
    }

    static String customId(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return CUSTOM_ID_PREFIX + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
