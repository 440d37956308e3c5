package io.github.keycloaksspr.questions;

import java.util.Objects;

/** A question and the answer a user typed for it, before normalisation. */
public record QuestionAnswer(Question question, String answer) {

    public QuestionAnswer {
        Objects.requireNonNull(question, "question");
    }

    @Override
    public String toString() {
        // the answer is a secret and stays out of logs
        return "QuestionAnswer[question=" + question.id() + "]";
    }
}
