package io.github.keycloaksspr.questions;

/**
 * Something wrong with one answer or question on a registration form.
 *
 * @param questionId the question whose field shows the problem
 * @param messageKey a theme message telling the user what to change, e.g. {@code ssprAnswerTooShort}
 */
public record AnswerProblem(String questionId, String messageKey) {
}
