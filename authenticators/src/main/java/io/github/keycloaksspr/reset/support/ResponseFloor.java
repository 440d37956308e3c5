package io.github.keycloaksspr.reset.support;

import java.time.Duration;

import org.keycloak.models.KeycloakSession;

/**
 * Makes every answer to the choose-user page take at least the same time, so the few database lookups that tell
 * an unknown user from an unregistered one cannot be measured from outside. The floor is well above what those
 * lookups cost and well below what a person notices.
 */
public final class ResponseFloor {

    static final Duration FLOOR = Duration.ofMillis(250);
    private static final String STARTED = "sspr.request-started";

    private ResponseFloor() {
    }

    public static void markStart(KeycloakSession session) {
        session.setAttribute(STARTED, System.nanoTime());
    }

    public static void await(KeycloakSession session) {
        Long started = session.getAttribute(STARTED, Long.class);
        long elapsed = started == null ? 0 : System.nanoTime() - started;
        long remaining = FLOOR.toNanos() - elapsed;
        if (remaining <= 0) {
            return;
        }
        try {
            Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
