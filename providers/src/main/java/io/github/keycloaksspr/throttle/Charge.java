package io.github.keycloaksspr.throttle;

import java.util.Objects;

/**
 * One hit to count against one limit: {@code subject} is the raw user id, number or address; stores keep only
 * its hash.
 */
public record Charge(Limit limit, String subject) {

    public Charge {
        Objects.requireNonNull(limit, "limit");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A throttle subject must not be blank");
        }
    }

    public ThrottleKind kind() {
        return limit.kind();
    }
}
