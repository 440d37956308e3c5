package io.github.keycloaksspr.reset.verify;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.ws.rs.core.Response;

import org.keycloak.theme.Theme;

import io.github.keycloaksspr.code.CodeCheck;
import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.questions.Answers;
import io.github.keycloaksspr.questions.Question;
import io.github.keycloaksspr.questions.QuestionPrompt;
import io.github.keycloaksspr.questions.SecurityQuestionsCredentialProvider;

/**
 * Security questions, Entra's way: N questions drawn at random from the user's registered ones; all must be right.
 * A wrong set counts as one failed proof and draws a fresh selection, so guessing cannot focus on one question.
 * The drawn ids live in the authentication session; the answers are checked against salted hashes only.
 */
final class SecurityQuestionsMethod implements ProofMethod {

    static final String TEMPLATE = "sspr-questions.ftl";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Room past the 40-character limit, so a long answer is hashed as a wrong one instead of being cut to fit. */
    private static final int MAX_FIELD = Answers.MAX_LENGTH * 4;

    @Override
    public MethodKind kind() {
        return MethodKind.SECURITY_QUESTIONS;
    }

    @Override
    public Started start(Proof proof) {
        proof.state().startPending(MethodKind.SECURITY_QUESTIONS);
        draw(proof);
        return Started.ready(PageMessage.NONE);
    }

    @Override
    public CodeCheck check(Proof proof) {
        List<Question> drawn = drawn(proof);
        if (drawn.isEmpty()) {
            return CodeCheck.EXPIRED;
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < drawn.size(); i++) {
            answers.put(drawn.get(i).id(), proof.field(QuestionPrompt.fieldName(i), MAX_FIELD));
        }
        boolean right = SecurityQuestionsCredentialProvider.of(proof.session())
                .verify(proof.realm(), proof.user(), answers);
        if (!right) {
            draw(proof);
        }
        return right ? CodeCheck.MATCH : CodeCheck.MISMATCH;
    }

    @Override
    public Response page(Proof proof, PageMessage message) {
        Properties messages;
        try {
            messages = proof.session().theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(proof.realm(),
                    proof.session().getContext().resolveLocale(proof.user()));
        } catch (IOException e) {
            messages = new Properties();
        }
        return message.applyTo(proof.form().setAttribute("ssprQuestions", QuestionPrompt.of(drawn(proof), messages)))
                .createForm(TEMPLATE);
    }

    @Override
    public PageMessage wrongProofMessage(int triesLeft) {
        return PageMessage.error("ssprQuestionsWrong");
    }

    /** Answers are proofs, each wrong set already counts as a failed proof; there is no code to try. */
    @Override
    public boolean countsTries() {
        return false;
    }

    private static void draw(Proof proof) {
        int count = proof.policy().questions().toReset();
        List<Question> drawn = SecurityQuestionsCredentialProvider.of(proof.session())
                .draw(proof.user(), count, RANDOM);
        proof.state().storeDrawn(drawn.stream().map(Question::id).toList());
    }

    /** The drawn questions, looked up again in the user's registration: only ids are kept in the session. */
    private static List<Question> drawn(Proof proof) {
        List<Question> registered = SecurityQuestionsCredentialProvider.of(proof.session())
                .registeredQuestions(proof.user());
        return proof.state().drawn().stream()
                .map(id -> registered.stream().filter(q -> q.id().equals(id)).findFirst())
                .flatMap(Optional::stream)
                .toList();
    }
}
