package io.github.keycloaksspr.throttle;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code max} hits of {@code kind} per subject in any sliding {@code window}.
 */
public record Limit(ThrottleKind kind, int max, Duration window) {

    public Limit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(window, "window");
        if (max < 1) {
            throw new IllegalArgumentException("A limit allows at least one hit");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A limit's window must be positive");
        }
    }

    /** The earliest creation time, in epoch millis, of a hit that still counts at {@code now}. */
    public long windowStart(long now) {
        return now - window.toMillis() + 1;
    }
}
