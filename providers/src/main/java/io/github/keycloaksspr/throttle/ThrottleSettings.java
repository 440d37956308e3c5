package io.github.keycloaksspr.throttle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The throttle figures of one realm, Entra's by default. Keycloak does not validate authenticator config when an
 * admin saves it, so {@link #parse} checks every value; an invalid one falls back to its default, which keeps the
 * realm protected, and is reported as a problem.
 *
 * @param failedProofs           failed proofs that block a user
 * @param failedProofWindow      how long failed proofs count, and how long the block then lasts (as in Entra)
 * @param codeTriesPerHour       code submissions per user, per method, per hour
 * @param emailCodesPer10Minutes email codes sent to one user per ten minutes
 * @param phoneSendsPerHour      SMS and voice sends per hour, per user and per destination number
 * @param phoneSendsPerIpPerHour SMS and voice sends per hour per client IP address
 * @param problems               what was wrong with the stored settings, in plain English
 */
public record ThrottleSettings(int failedProofs, Duration failedProofWindow, int codeTriesPerHour,
                               int emailCodesPer10Minutes, int phoneSendsPerHour, int phoneSendsPerIpPerHour,
                               List<String> problems) {

    public static final String FAILED_PROOFS = "sspr.throttle.failed-proofs";
    public static final String FAILED_PROOFS_HOURS = "sspr.throttle.failed-proofs-hours";
    public static final String CODE_TRIES_PER_HOUR = "sspr.throttle.code-tries-per-hour";
    public static final String EMAIL_CODES_PER_10_MINUTES = "sspr.throttle.email-codes-per-10-minutes";
    public static final String PHONE_SENDS_PER_HOUR = "sspr.throttle.phone-sends-per-hour";
    public static final String PHONE_SENDS_PER_IP_PER_HOUR = "sspr.throttle.phone-sends-per-ip-per-hour";

    static final Figure FAILED_PROOFS_FIGURE =
            new Figure(FAILED_PROOFS, "Failed proofs before a user is blocked", 1, 20, 5);
    static final Figure FAILED_PROOFS_HOURS_FIGURE =
            new Figure(FAILED_PROOFS_HOURS, "Failed-proof window and block (hours)", 1, 168, 24);
    static final Figure CODE_TRIES_FIGURE =
            new Figure(CODE_TRIES_PER_HOUR, "Code tries per hour per method", 1, 20, 5);
    static final Figure EMAIL_CODES_FIGURE =
            new Figure(EMAIL_CODES_PER_10_MINUTES, "Email codes per 10 minutes", 1, 50, 10);
    static final Figure PHONE_SENDS_FIGURE =
            new Figure(PHONE_SENDS_PER_HOUR, "Text and voice sends per hour", 1, 20, 5);
    static final Figure PHONE_SENDS_PER_IP_FIGURE =
            new Figure(PHONE_SENDS_PER_IP_PER_HOUR, "Text and voice sends per hour per IP address", 1, 1000, 20);

    /** The longest window any setting allows: hits older than this never count again, whatever the settings. */
    public static final Duration LONGEST_WINDOW = Duration.ofHours(FAILED_PROOFS_HOURS_FIGURE.max());

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    public ThrottleSettings {
        problems = List.copyOf(problems);
    }

    /** Entra's figures. */
    public static ThrottleSettings defaults() {
        return parse(Map.of());
    }

    /** Parses a stored config; {@code config} may be null when an admin never saved the step's settings. */
    public static ThrottleSettings parse(Map<String, String> config) {
        Map<String, String> values = config == null ? Map.of() : config;
        List<String> problems = new ArrayList<>();
        return new ThrottleSettings(
                FAILED_PROOFS_FIGURE.read(values, problems),
                Duration.ofHours(FAILED_PROOFS_HOURS_FIGURE.read(values, problems)),
                CODE_TRIES_FIGURE.read(values, problems),
                EMAIL_CODES_FIGURE.read(values, problems),
                PHONE_SENDS_FIGURE.read(values, problems),
                PHONE_SENDS_PER_IP_FIGURE.read(values, problems),
                problems);
    }

    /** The limit of one kind; for {@link ThrottleKind#BLOCK}, one block lasting the failed-proof window. */
    public Limit limit(ThrottleKind kind) {
        return switch (kind) {
            case FAILED_PROOF -> new Limit(kind, failedProofs, failedProofWindow);
            case CODE_TRY -> new Limit(kind, codeTriesPerHour, HOUR);
            case EMAIL_SEND -> new Limit(kind, emailCodesPer10Minutes, TEN_MINUTES);
            case PHONE_SEND_USER, PHONE_SEND_NUMBER -> new Limit(kind, phoneSendsPerHour, HOUR);
            case PHONE_SEND_IP -> new Limit(kind, phoneSendsPerIpPerHour, HOUR);
            case BLOCK -> new Limit(kind, 1, failedProofWindow);
        };
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** One whole-number setting: its key, its label in the admin console, its range and default. */
    record Figure(String key, String label, int min, int max, int fallback) {

        int read(Map<String, String> values, List<String> problems) {
            String raw = values.get(key);
            if (raw == null || raw.isBlank()) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(raw.trim());
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(label + " must be a whole number from " + min + " to " + max + "; using " + fallback + ".");
            return fallback;
        }
    }
}
