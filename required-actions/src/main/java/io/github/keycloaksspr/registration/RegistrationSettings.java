package io.github.keycloaksspr.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The registration settings an admin keeps on the required action's gear (Authentication → Required actions).
 * Unset values take Entra's defaults; a value that can't be read falls back to its default and is reported, which
 * only happens when the settings were stored past {@link RegisterSecurityInfoFactory#validateConfig}.
 *
 * @param enforce        whether sign-in asks in-scope users to register and, when due, to reconfirm
 * @param toRegister     how many methods make a user registered; empty means the number the reset asks for
 * @param reconfirmDays  days after a confirmation before users are asked to confirm again; 0 means never
 * @param allowSkip      whether users may go on signing in without registering (they are asked again next time)
 * @param problems       what could not be read
 */
public record RegistrationSettings(boolean enforce, OptionalInt toRegister, int reconfirmDays, boolean allowSkip,
                                   List<String> problems) {

    public static final String ENFORCE = "sspr.register.enforce";
    public static final String TO_REGISTER = "sspr.register.methods-required";
    public static final String RECONFIRM_DAYS = "sspr.register.reconfirm-days";
    public static final String ALLOW_SKIP = "sspr.register.allow-skip";

    static final int DEFAULT_RECONFIRM_DAYS = 180;
    static final int MAX_RECONFIRM_DAYS = 730;
    /** Email, mobile phone, office phone, authenticator app, security questions. */
    static final int MAX_TO_REGISTER = 5;

    public RegistrationSettings {
        problems = List.copyOf(problems);
    }

    public static RegistrationSettings parse(Map<String, String> config) {
        Map<String, String> values = config == null ? Map.of() : config;
        List<String> problems = new ArrayList<>();
        boolean enforce = bool(values, ENFORCE, true, problems);
        OptionalInt toRegister = OptionalInt.empty();
        String raw = blankToNull(values.get(TO_REGISTER));
        if (raw != null) {
            Optional<Integer> parsed = integer(raw, 1, MAX_TO_REGISTER);
            if (parsed.isPresent()) {
                toRegister = OptionalInt.of(parsed.get());
            } else {
                problems.add(numberProblem("Number of methods required to register", 1, MAX_TO_REGISTER));
            }
        }
        int reconfirmDays = DEFAULT_RECONFIRM_DAYS;
        String days = blankToNull(values.get(RECONFIRM_DAYS));
        if (days != null) {
            Optional<Integer> parsed = integer(days, 0, MAX_RECONFIRM_DAYS);
            if (parsed.isPresent()) {
                reconfirmDays = parsed.get();
            } else {
                problems.add(numberProblem("Number of days before users are asked to reconfirm", 0,
                        MAX_RECONFIRM_DAYS));
            }
        }
        boolean allowSkip = bool(values, ALLOW_SKIP, true, problems);
        return new RegistrationSettings(enforce, toRegister, reconfirmDays, allowSkip, problems);
    }

    /**
     * Problems that make an admin's input unacceptable: what {@link #parse} reports, and a registration number
     * below the reset number, which would call users registered who still cannot reset.
     */
    public static List<String> validate(Map<String, String> config, int resetNumber) {
        RegistrationSettings settings = parse(config);
        List<String> problems = new ArrayList<>(settings.problems());
        if (settings.toRegister().isPresent() && settings.toRegister().getAsInt() < resetNumber) {
            problems.add("Number of methods required to register must be at least the number required to reset ("
                    + resetNumber + ").");
        }
        return problems;
    }

    /** How many methods a user must hold to count as registered, never fewer than their reset requires. */
    public int toRegisterFor(int resetRequires) {
        return Math.max(resetRequires, toRegister.orElse(resetRequires));
    }

    private static boolean bool(Map<String, String> values, String key, boolean fallback, List<String> problems) {
        String raw = blankToNull(values.get(key));
        if (raw == null) {
            return fallback;
        }
        if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(raw);
        }
        problems.add(key + " must be true or false.");
        return fallback;
    }

    private static Optional<Integer> integer(String raw, int min, int max) {
        try {
            int value = Integer.parseInt(raw);
            return value >= min && value <= max ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String numberProblem(String label, int min, int max) {
        return label + " must be a whole number from " + min + " to " + max + ".";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
