package io.github.keycloaksspr.questions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.ModelException;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.dto.PasswordCredentialData;
import org.keycloak.models.credential.dto.PasswordSecretData;
import org.keycloak.util.JsonSerialization;

/**
 * A user's security questions as one Keycloak credential. The credential data, which admins can see, names the
 * questions; the secret data, which Keycloak never hands out, holds one hash per answer, each in exactly the
 * JSON Keycloak stores for a password, so any of Keycloak's password hash providers can check it:
 * <pre>
 * credentialData {"questions":[{"id":"first-concert"},{"id":"custom-1a2b3c4d","text":"Our team's mascot?"}],
 *                 "registeredAt":1767225600000}
 * secretData     {"answers":[{"question":"first-concert",
 *                             "credentialData":{"hashIterations":210000,"algorithm":"pbkdf2-sha512",...},
 *                             "secretData":{"value":"...","salt":"...",...}}, ...]}
 * </pre>
 */
public final class SecurityQuestionsCredentialModel extends CredentialModel {

    public static final String TYPE = "sspr-security-questions";

    /** One registered question; {@code text} only for an admin-defined question, as it read at registration. */
    record StoredQuestion(String id, String text) {
    }

    record QuestionsData(List<StoredQuestion> questions, long registeredAt) {
    }

    record StoredAnswer(String question, PasswordCredentialData credentialData, PasswordSecretData secretData) {
    }

    record AnswersSecret(List<StoredAnswer> answers) {
    }

    private final List<Question> questions;
    private final long registeredAt;
    private final Map<String, StoredAnswer> answers;

    private SecurityQuestionsCredentialModel(List<Question> questions, long registeredAt,
                                             Map<String, StoredAnswer> answers) {
        this.questions = List.copyOf(questions);
        this.registeredAt = registeredAt;
        this.answers = Map.copyOf(answers);
    }

    /** A new registration: {@code hashes} holds the hashed answer of each question, in the same order. */
    static SecurityQuestionsCredentialModel create(List<Question> questions, List<PasswordCredentialModel> hashes,
                                                   long registeredAt) {
        if (questions.size() != hashes.size()) {
            throw new IllegalArgumentException("one hash per question");
        }
        List<StoredQuestion> stored = questions.stream()
                .map(question -> new StoredQuestion(question.id(), question.customText()))
                .toList();
        List<StoredAnswer> answers = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            PasswordCredentialModel hash = hashes.get(i);
            answers.add(new StoredAnswer(questions.get(i).id(), hash.getPasswordCredentialData(),
                    hash.getPasswordSecretData()));
        }
        SecurityQuestionsCredentialModel model = new SecurityQuestionsCredentialModel(questions, registeredAt,
                byQuestion(answers));
        model.setType(TYPE);
        model.setCreatedDate(registeredAt);
        model.setCredentialData(write(new QuestionsData(stored, registeredAt)));
        model.setSecretData(write(new AnswersSecret(answers)));
        return model;
    }

    /**
     * Reads a stored or imported credential. The secret data may be absent, as it is when Keycloak presents a
     * credential; such a model lists its questions but verifies nothing.
     *
     * @throws ModelException when the data is not in the format above
     */
    public static SecurityQuestionsCredentialModel createFromCredentialModel(CredentialModel source) {
        QuestionsData data = read(source.getCredentialData(), QuestionsData.class, "credential data");
        if (data.questions() == null || data.questions().isEmpty()) {
            throw new ModelException("Security questions credential lists no questions");
        }
        List<Question> questions = data.questions().stream().map(SecurityQuestionsCredentialModel::toQuestion)
                .toList();
        Map<String, StoredAnswer> answers = Map.of();
        if (source.getSecretData() != null && !source.getSecretData().isBlank()) {
            AnswersSecret secret = read(source.getSecretData(), AnswersSecret.class, "secret data");
            answers = byQuestion(secret.answers() == null ? List.of() : secret.answers());
        }
        SecurityQuestionsCredentialModel model = new SecurityQuestionsCredentialModel(questions, data.registeredAt(),
                answers);
        model.setId(source.getId());
        model.setType(TYPE);
        model.setUserLabel(source.getUserLabel());
        model.setCreatedDate(source.getCreatedDate());
        model.setCredentialData(source.getCredentialData());
        model.setSecretData(source.getSecretData());
        return model;
    }

    /** The registered questions in the order the user chose them. */
    public List<Question> questions() {
        return questions;
    }

    /** Epoch millis of the registration. */
    public long registeredAt() {
        return registeredAt;
    }

    /** The hashed answer to a registered question, in the form Keycloak's password hash providers verify. */
    Optional<PasswordCredentialModel> answerHash(String questionId) {
        StoredAnswer answer = questionId == null ? null : answers.get(questionId);
        if (answer == null || answer.credentialData() == null || answer.secretData() == null) {
            return Optional.empty();
        }
        return Optional.of(PasswordCredentialModel.createFromValues(answer.credentialData(), answer.secretData()));
    }

    /**
     * Why this credential cannot be stored, or empty when it can: every question a known built-in one or a
     * custom one with its text, none twice, and exactly one complete hash for each.
     */
    Optional<String> incompleteBecause() {
        Set<String> ids = new HashSet<>();
        for (Question question : questions) {
            if (!ids.add(question.id())) {
                return Optional.of("question " + question.id() + " is listed twice");
            }
            if (!question.isCustom() && QuestionCatalogue.builtIn().find(question.id()).isEmpty()) {
                return Optional.of("question " + question.id() + " is neither built in nor has a text");
            }
            if (answerHash(question.id()).isEmpty()) {
                return Optional.of("question " + question.id() + " has no complete answer hash");
            }
        }
        if (!ids.equals(answers.keySet())) {
            return Optional.of("secret data holds answers to questions the credential data does not list");
        }
        return Optional.empty();
    }

    private static Question toQuestion(StoredQuestion stored) {
        if (stored == null || stored.id() == null || stored.id().isBlank()) {
            throw new ModelException("Security questions credential has a question without an id");
        }
        return stored.text() == null ? Question.builtIn(stored.id()) : new Question(stored.id(), null, stored.text());
    }

    private static Map<String, StoredAnswer> byQuestion(List<StoredAnswer> answers) {
        if (answers.stream().anyMatch(answer -> answer == null || answer.question() == null)) {
            throw new ModelException("Security questions credential has an answer without a question");
        }
        try {
            return answers.stream().collect(Collectors.toMap(StoredAnswer::question, Function.identity()));
        } catch (IllegalStateException e) {
            throw new ModelException("Security questions credential has two answers to one question");
        }
    }

    private static String write(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new ModelException("Could not write security questions credential", e);
        }
    }

    private static <T> T read(String json, Class<T> type, String what) {
        if (json == null || json.isBlank()) {
            throw new ModelException("Security questions credential has no " + what);
        }
        try {
            return JsonSerialization.readValue(json, type);
        } catch (IOException e) {
            // the parser's message quotes the input, which may hold hashes: keep it out of the exception
            throw new ModelException("Security questions credential has malformed " + what);
        }
    }
}
