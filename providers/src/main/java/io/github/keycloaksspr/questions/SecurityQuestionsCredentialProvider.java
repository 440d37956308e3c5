package io.github.keycloaksspr.questions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.random.RandomGenerator;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.theme.Theme;

import io.github.keycloaksspr.method.ConsoleActions;
import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.method.OnePerUser;

/**
 * Registers, draws and verifies a user's security questions, stored as one {@code sspr-security-questions}
 * credential. Obtain it with {@link #of(KeycloakSession)}.
 */
public final class SecurityQuestionsCredentialProvider implements CredentialProvider<SecurityQuestionsCredentialModel> {

    private static final Logger LOG = Logger.getLogger(SecurityQuestionsCredentialProvider.class);

    private final KeycloakSession session;
    private final AnswerHashing hashing;

    SecurityQuestionsCredentialProvider(KeycloakSession session) {
        this.session = session;
        this.hashing = new AnswerHashing(session);
    }

    public static SecurityQuestionsCredentialProvider of(KeycloakSession session) {
        return (SecurityQuestionsCredentialProvider) session.getProvider(CredentialProvider.class,
                SecurityQuestionsCredentialProviderFactory.ID);
    }

    /**
     * Checks the answers against Entra's rules and, when they pass, hashes them and replaces the user's
     * registration. Question texts for the "answer contains the question" rule come from the login theme in the
     * user's language; a caller that already holds those messages should pass them to the other overload.
     *
     * @return what the user must change, in form order; empty when the questions were registered
     */
    public List<AnswerProblem> register(RealmModel realm, UserModel user, Map<Question, String> answers) {
        return register(realm, user, answers, loginMessages(realm, user));
    }

    /** As {@link #register(RealmModel, UserModel, Map)}, with the messages the user read the questions in. */
    public List<AnswerProblem> register(RealmModel realm, UserModel user, Map<Question, String> answers,
                                        Properties messages) {
        List<QuestionAnswer> entries = answers.entrySet().stream()
                .map(entry -> new QuestionAnswer(entry.getKey(), entry.getValue()))
                .toList();
        List<AnswerProblem> problems = Answers.registrationProblems(entries,
                question -> QuestionTexts.resolve(question, messages));
        if (!problems.isEmpty()) {
            return problems;
        }
        List<Question> questions = new ArrayList<>();
        List<PasswordCredentialModel> hashes = new ArrayList<>();
        for (QuestionAnswer entry : entries) {
            questions.add(entry.question());
            hashes.add(hashing.hash(realm, Answers.normalise(entry.answer())));
        }
        createCredential(realm, user, SecurityQuestionsCredentialModel.create(questions, hashes,
                Time.currentTimeMillis()));
        return List.of();
    }

    /** Whether the user holds a readable registration. */
    public boolean isRegistered(UserModel user) {
        return stored(user).isPresent();
    }

    /** The user's questions in the order they chose them; empty when they registered none. */
    public List<Question> registeredQuestions(UserModel user) {
        return stored(user).map(SecurityQuestionsCredentialModel::questions).orElse(List.of());
    }

    /**
     * {@code n} distinct questions drawn at random from the user's registered ones, in random order. Empty when the
     * user registered fewer than {@code n}: they cannot prove themselves with questions under the current settings.
     */
    public List<Question> draw(UserModel user, int n, RandomGenerator random) {
        if (n < 1) {
            throw new IllegalArgumentException("draw at least one question");
        }
        List<Question> pool = new ArrayList<>(registeredQuestions(user));
        if (pool.size() < n) {
            return List.of();
        }
        // the first n steps of a Fisher-Yates shuffle
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(pool.size() - i);
            Question picked = pool.get(j);
            pool.set(j, pool.get(i));
            pool.set(i, picked);
        }
        return List.copyOf(pool.subList(0, n));
    }

    /**
     * Whether every given answer matches the registered answer to its question. Every answer is hashed and checked,
     * even after a mismatch, so the response time does not tell which answer was wrong. False for no answers, an
     * unregistered question, or a user without a registration.
     *
     * @param answers the user's answers keyed by question id, as typed
     */
    public boolean verify(RealmModel realm, UserModel user, Map<String, String> answers) {
        Optional<SecurityQuestionsCredentialModel> credential = stored(user);
        if (credential.isEmpty() || answers == null || answers.isEmpty()) {
            return false;
        }
        boolean allMatch = true;
        for (Map.Entry<String, String> entry : answers.entrySet()) {
            allMatch &= matches(credential.get(), entry.getKey(), entry.getValue());
        }
        return allMatch;
    }

    private boolean matches(SecurityQuestionsCredentialModel credential, String questionId, String answer) {
        Optional<PasswordCredentialModel> hash = credential.answerHash(questionId);
        if (hash.isEmpty()) {
            return false;
        }
        String normalised = Answers.normalise(answer);
        // an overlong answer cannot be right; hash a short stand-in so it costs the same as any other answer
        boolean plausible = normalised.codePointCount(0, normalised.length()) <= Answers.MAX_LENGTH;
        return hashing.matches(plausible ? normalised : "", hash.get()) && plausible;
    }

    @Override
    public String getType() {
        return SecurityQuestionsCredentialModel.TYPE;
    }

    /** Stores a registration, replacing any earlier one; also the path an admin REST or realm import takes. */
    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user,
                                            SecurityQuestionsCredentialModel credential) {
        credential.incompleteBecause().ifPresent(reason -> {
            throw new ModelException("Security questions credential cannot be stored: " + reason);
        });
        if (credential.getCreatedDate() == null) {
            credential.setCreatedDate(Time.currentTimeMillis());
        }
        return OnePerUser.replace(user, getType(), credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public SecurityQuestionsCredentialModel getCredentialFromModel(CredentialModel model) {
        return SecurityQuestionsCredentialModel.createFromCredentialModel(model);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        // TWO_FACTOR, like Keycloak's recovery codes: a second thing the user knows that backs up the password,
        // never a replacement for it, so it does not belong next to the password under basic authentication
        return ConsoleActions.metadata(session, metadataContext, getType(), MethodKind.Factor.SECURITY_QUESTIONS,
                "ssprSecurityQuestionsDisplayName", "ssprSecurityQuestionsHelpText");
    }

    private Optional<SecurityQuestionsCredentialModel> stored(UserModel user) {
        Optional<CredentialModel> model = user.credentialManager().getStoredCredentialsByTypeStream(getType())
                .findFirst();
        if (model.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(getCredentialFromModel(model.get()));
        } catch (ModelException e) {
            LOG.warnf("Security questions of user %s cannot be read: %s", user.getId(), e.getMessage());
            return Optional.empty();
        }
    }

    private Properties loginMessages(RealmModel realm, UserModel user) {
        Locale locale = session.getContext().resolveLocale(user);
        try {
            return session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
        } catch (IOException e) {
            LOG.warn("Login theme messages could not be read; answers are checked against custom questions only");
            return new Properties();
        }
    }
}
