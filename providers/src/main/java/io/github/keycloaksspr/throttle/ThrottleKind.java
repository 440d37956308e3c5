package io.github.keycloaksspr.throttle;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a throttle counts. The id is stored with every hit, so it never changes once released; renaming a kind
 * would silently reset every counter of that kind.
 */
public enum ThrottleKind {
    /** A wrong code, TOTP or security answer; enough of them block the user. */
    FAILED_PROOF("failed-proof", true),
    /** A code submitted for one method, right or wrong. */
    CODE_TRY("code-try", true),
    EMAIL_SEND("email-send", true),
    /** SMS and voice sends to any of one user's numbers. */
    PHONE_SEND_USER("phone-user", true),
    /** SMS and voice sends to one number, whoever asks: toll-fraud protection. */
    PHONE_SEND_NUMBER("phone-number", false),
    PHONE_SEND_IP("phone-ip", false),
    /** The user may not use self-service password reset until the block expires. */
    BLOCK("block", true);

    private final String id;
    private final boolean perUser;

    ThrottleKind(String id, boolean perUser) {
        this.id = id;
        this.perUser = perUser;
    }

    public String id() {
        return id;
    }

    /** Whether the counter belongs to one user, and so is cleared when that user resets their password. */
    public boolean perUser() {
        return perUser;
    }

    public static Optional<ThrottleKind> fromId(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
    }
}
