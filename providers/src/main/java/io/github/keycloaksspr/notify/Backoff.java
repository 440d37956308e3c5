package io.github.keycloaksspr.notify;

import java.time.Duration;

/**
 * When a failed mail is tried again: the delay doubles from {@code base} up to {@code cap}, and after
 * {@code maxAttempts} attempts the row is given up as failed, for an admin to see.
 */
public record Backoff(Duration base, Duration cap, int maxAttempts) {

    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("Backoff needs 0 < base <= cap and at least one attempt");
        }
    }

    /** Whether another attempt follows the {@code attempts}-th failed one. */
    public boolean retries(int attempts) {
        return attempts < maxAttempts;
    }

    /** The wait after the {@code attempts}-th failed attempt (1-based). */
    public Duration delayAfter(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts counts from 1");
        }
        // stop doubling once past the cap, so a long outage never overflows
        int doublings = Math.min(attempts - 1, 62);
        long millis = base.toMillis();
        for (int i = 0; i < doublings && millis < cap.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, cap.toMillis()));
    }
}
