package io.github.keycloaksspr.questions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.models.Constants;

/**
 * The admin's security question settings, read from the verification step's config map and checked against
 * Entra's limits. Anything invalid is reported in {@link #problems()} and replaced by the strictest valid value,
 * so a caller that shows the problems can still run on the result.
 *
 * @param toRegister      how many questions a user registers (3-5)
 * @param toReset         how many of them a reset asks (3-5, never more than {@code toRegister})
 * @param customQuestions the admin's own questions, trimmed, in the admin's order
 * @param problems        plain sentences an admin can act on; empty when the stored settings are valid
 */
public record QuestionSettings(int toRegister, int toReset, List<String> customQuestions, List<String> problems) {

    public static final String TO_REGISTER = "sspr.questions.to-register";
    public static final String TO_RESET = "sspr.questions.to-reset";
    public static final String CUSTOM = "sspr.questions.custom";

    public static final int MIN_QUESTIONS = 3;
    public static final int MAX_QUESTIONS = 5;
    static final int DEFAULT_TO_REGISTER = 3;
    static final int DEFAULT_TO_RESET = 3;
    static final int MAX_CUSTOM_QUESTIONS = 20;
    /** Long enough for an admin to recognise the question in a problem, short enough not to swamp the message. */
    private static final int QUOTE_LENGTH = 40;

    public QuestionSettings {
        customQuestions = List.copyOf(customQuestions);
        problems = List.copyOf(problems);
    }

    /** Parses a stored config; {@code config} may be null when an admin never saved the step's settings. */
    public static QuestionSettings parse(Map<String, String> config) {
        Map<String, String> values = config == null ? Map.of() : config;
        List<String> problems = new ArrayList<>();

        int toRegister = count(values.get(TO_REGISTER), DEFAULT_TO_REGISTER, problems,
                "Number of security questions to register must be between " + MIN_QUESTIONS + " and "
                        + MAX_QUESTIONS + ".");
        int toReset = count(values.get(TO_RESET), DEFAULT_TO_RESET, problems,
                "Number of security questions to reset must be between " + MIN_QUESTIONS + " and "
                        + MAX_QUESTIONS + ".");
        if (toReset > toRegister) {
            problems.add("Number of security questions to reset (" + toReset + ") is more than the " + toRegister
                    + " questions users register.");
            toReset = toRegister;
        }
        List<String> custom = customQuestions(values.getOrDefault(CUSTOM, ""), problems);
        return new QuestionSettings(toRegister, toReset, custom, problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** The questions users may choose from under these settings. */
    public QuestionCatalogue catalogue() {
        return QuestionCatalogue.of(customQuestions);
    }

    private static int count(String raw, int fallback, List<String> problems, String problem) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= MIN_QUESTIONS && value <= MAX_QUESTIONS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(problem);
        return fallback;
    }

    private static List<String> customQuestions(String raw, List<String> problems) {
        List<String> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String entry : raw.split(Constants.CFG_DELIMITER)) {
            String text = entry.strip();
            if (text.isEmpty()) {
                // the console's list control saves an empty row as an empty value
                continue;
            }
            if (text.codePointCount(0, text.length()) > Question.MAX_CUSTOM_TEXT_LENGTH) {
                problems.add("Custom security question \"" + quote(text) + "\" is longer than "
                        + Question.MAX_CUSTOM_TEXT_LENGTH + " characters.");
            } else if (!seen.add(Answers.normalise(text))) {
                problems.add("Custom security question \"" + quote(text) + "\" is listed twice.");
            } else {
                kept.add(text);
            }
        }
        if (kept.size() > MAX_CUSTOM_QUESTIONS) {
            problems.add("At most " + MAX_CUSTOM_QUESTIONS + " custom security questions are allowed; only the first "
                    + MAX_CUSTOM_QUESTIONS + " are offered.");
            return kept.subList(0, MAX_CUSTOM_QUESTIONS);
        }
        return kept;
    }

    private static String quote(String text) {
        if (text.length() <= QUOTE_LENGTH) {
            return text;
        }
        int end = text.offsetByCodePoints(0, Math.min(QUOTE_LENGTH, text.codePointCount(0, text.length())));
        return text.substring(0, end) + "…";
    }
}
