package io.github.keycloaksspr.questions;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Entra's rules for security answers, and the one normalisation every answer goes through before it is hashed or
 * compared, so "  Café  au LAIT" at registration matches "café au lait" at reset.
 */
public final class Answers {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 40;

    static final String MISSING = "ssprAnswerMissing";
    static final String TOO_SHORT = "ssprAnswerTooShort";
    static final String TOO_LONG = "ssprAnswerTooLong";
    static final String INVALID_CHARACTERS = "ssprAnswerInvalidCharacters";
    static final String REPEATED_ANSWER = "ssprAnswerRepeated";
    static final String CONTAINS_QUESTION = "ssprAnswerContainsQuestion";
    static final String REPEATED_QUESTION = "ssprQuestionRepeated";
    static final String WRONG_COUNT = "ssprQuestionsCountInvalid";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\p{P}\\s]+$",
            Pattern.UNICODE_CHARACTER_CLASS);

    private Answers() {
    }

    /**
     * NFKC first, so full-width letters and ligatures become their plain forms; then outer whitespace goes, inner
     * runs become one space, and case is folded locale-independently (a Turkish server must not hash differently).
     */
    public static String normalise(String answer) {
        if (answer == null) {
            return "";
        }
        String compatible = Normalizer.normalize(answer, Normalizer.Form.NFKC);
        return WHITESPACE.matcher(compatible.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** What is wrong with one answer on its own, as a message key; empty when it may be registered. */
    public static Optional<String> problem(String answer) {
        if (answer == null || answer.isBlank()) {
            return Optional.of(MISSING);
        }
        if (answer.codePoints().anyMatch(Answers::invalid)) {
            return Optional.of(INVALID_CHARACTERS);
        }
        String normalised = normalise(answer);
        int length = normalised.codePointCount(0, normalised.length());
        if (length < MIN_LENGTH) {
            return Optional.of(TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(TOO_LONG);
        }
        return Optional.empty();
    }

    /**
     * Everything wrong with a registration, in form order: between {@value QuestionSettings#MIN_QUESTIONS} and
     * {@value QuestionSettings#MAX_QUESTIONS} questions, each once, each answer valid, no answer given twice, no
     * answer that is or contains its question. Settings may require an exact count; the caller checks that.
     *
     * @param questionText the text the user read for each question, see {@link QuestionTexts#resolve}
     */
    public static List<AnswerProblem> registrationProblems(List<QuestionAnswer> answers,
                                                           Function<Question, String> questionText) {
        List<AnswerProblem> problems = new ArrayList<>();
        if (answers.size() < QuestionSettings.MIN_QUESTIONS || answers.size() > QuestionSettings.MAX_QUESTIONS) {
            problems.add(new AnswerProblem(null, WRONG_COUNT));
        }
        Set<String> questions = new HashSet<>();
        Set<String> normalisedAnswers = new HashSet<>();
        for (QuestionAnswer entry : answers) {
            String id = entry.question().id();
            if (!questions.add(id)) {
                problems.add(new AnswerProblem(id, REPEATED_QUESTION));
                continue;
            }
            Optional<String> problem = problem(entry.answer());
            if (problem.isPresent()) {
                problems.add(new AnswerProblem(id, problem.get()));
                continue;
            }
            String normalised = normalise(entry.answer());
            if (!normalisedAnswers.add(normalised)) {
                problems.add(new AnswerProblem(id, REPEATED_ANSWER));
            } else if (repeatsQuestion(normalised, questionText.apply(entry.question()))) {
                problems.add(new AnswerProblem(id, CONTAINS_QUESTION));
            }
        }
        return problems;
    }

    /** True when the answer is, or contains, the question: "What is my pet called" for "What is my pet called?". */
    static boolean repeatsQuestion(String normalisedAnswer, String questionText) {
        String question = TRAILING_PUNCTUATION.matcher(normalise(questionText)).replaceAll("");
        return !question.isEmpty() && normalisedAnswer.contains(question);
    }

    private static boolean invalid(int codePoint) {
        int type = Character.getType(codePoint);
        // a lone surrogate is half a character: the browser sent something broken
        return type == Character.CONTROL || type == Character.SURROGATE;
    }
}
