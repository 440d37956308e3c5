package io.github.keycloaksspr.questions;

import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * One question on the reset page: a JavaBean, because FreeMarker 2.3.32 reads getters, not record accessors.
 * It carries the question's text and the form field its answer comes back in, not the question id: the caller
 * keeps the drawn ids in the authentication session and maps field {@code sspr-answer-<i>} to the i-th of them.
 */
public final class QuestionPrompt {

    static final String FIELD_PREFIX = "sspr-answer-";

    private final String field;
    private final String text;

    private QuestionPrompt(String field, String text) {
        this.field = field;
        this.text = text;
    }

    /** The prompt for the {@code index}-th drawn question, its text in the language of {@code messages}. */
    public static QuestionPrompt of(int index, Question question, Properties messages) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        return new QuestionPrompt(fieldName(index), QuestionTexts.resolve(question, messages));
    }

    /** Prompts for the drawn questions in their drawn order: the page attribute {@code ssprQuestions}. */
    public static List<QuestionPrompt> of(List<Question> drawn, Properties messages) {
        return IntStream.range(0, drawn.size()).mapToObj(i -> of(i, drawn.get(i), messages)).toList();
    }

    /** The form field that carries the answer to the {@code index}-th drawn question. */
    public static String fieldName(int index) {
        return FIELD_PREFIX + index;
    }

    public String getField() {
        return field;
    }

    public String getText() {
        return text;
    }
}
