package io.github.keycloaksspr.reset.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.ws.rs.core.Response;

import org.keycloak.theme.Theme;

import io.github.keycloaksspr.code.CodeCheck;
import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.questions.Answers;
import io.github.keycloaksspr.questions.Question;
import io.github.keycloaksspr.questions.QuestionPrompt;
import io.github.keycloaksspr.questions.SecurityQuestionsCredentialProvider;
import io.github.keycloaksspr.secret.DerivedKey;
import io.github.keycloaksspr.secret.RealmSecrets;

/**
 * Security questions, Entra's way: N questions drawn at random from the user's registered ones; all must be right.
 * The draw is derived from a realm secret, the account and how many wrong proofs it made lately, so picking the
 * method again, or starting a new flow on any node, shows the same questions: only a wrong answer, which counts as
 * a failed proof, brings a new selection. Answers are checked against salted hashes only.
 */
final class SecurityQuestionsMethod implements ProofMethod {

    static final String TEMPLATE = "sspr-questions.ftl";
    static final String DRAW_KEY_PURPOSE = "security-question-draw";
    /** Room past the 40-character limit, so a long answer is hashed as a wrong one instead of being cut to fit. */
    private static final int MAX_FIELD = Answers.MAX_LENGTH * 4;

    @Override
    public MethodKind kind() {
        return MethodKind.SECURITY_QUESTIONS;
    }

    @Override
    public Started start(Proof proof) {
        proof.state().startPending(MethodKind.SECURITY_QUESTIONS);
        return Started.ready(PageMessage.NONE);
    }

    @Override
    public boolean answered(Proof proof) {
        List<String> drawn = proof.state().drawn();
        return !drawn.isEmpty() && IntStream.range(0, drawn.size())
                .noneMatch(i -> proof.field(QuestionPrompt.fieldName(i), MAX_FIELD).isEmpty());
    }

    @Override
    public PageMessage missingMessage() {
        return PageMessage.error("ssprAnswerMissing");
    }

    /** The questions shown are gone (the user registered new ones meanwhile): ask the current ones. */
    @Override
    public PageMessage expiredMessage() {
        return PageMessage.error("ssprQuestionsAgain");
    }

    @Override
    public CodeCheck check(Proof proof) {
        List<Question> drawn = shown(proof);
        if (drawn.isEmpty() || drawn.size() != proof.policy().questions().toReset()) {
            return CodeCheck.EXPIRED;
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < drawn.size(); i++) {
            answers.put(drawn.get(i).id(), proof.field(QuestionPrompt.fieldName(i), MAX_FIELD));
        }
        boolean right = SecurityQuestionsCredentialProvider.of(proof.session())
                .verify(proof.realm(), proof.user(), answers);
        return right ? CodeCheck.MATCH : CodeCheck.MISMATCH;
    }

    /** Draws (again) on every rendering, so after a wrong answer has been counted the page shows the new draw. */
    @Override
    public Response page(Proof proof, PageMessage message) {
        List<Question> drawn = draw(proof);
        proof.state().storeDrawn(drawn.stream().map(Question::id).toList());
        Properties messages;
        try {
            messages = proof.session().theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(proof.realm(),
                    proof.session().getContext().resolveLocale(proof.user()));
        } catch (IOException e) {
            messages = new Properties();
        }
        return message.applyTo(proof.form().setAttribute("ssprQuestions", QuestionPrompt.of(drawn, messages)))
                .createForm(TEMPLATE);
    }

    @Override
    public PageMessage wrongProofMessage(int triesLeft) {
        return PageMessage.error("ssprQuestionsWrong");
    }

    private static List<Question> draw(Proof proof) {
        int count = proof.policy().questions().toReset();
        String basis = proof.user().getId() + ":" + proof.throttles().failedProofsMade(proof.user());
        DerivedKey key = RealmSecrets.active(proof.session(), proof.realm(), DRAW_KEY_PURPOSE);
        return SecurityQuestionsCredentialProvider.of(proof.session())
                .draw(proof.user(), count, new Random(seed(key, basis)));
    }

    static long seed(DerivedKey key, String basis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            return ByteBuffer.wrap(mac.doFinal(basis.getBytes(StandardCharsets.UTF_8))).getLong();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /** The questions on the page the user answered, looked up in the registration: only ids live in the session. */
    private static List<Question> shown(Proof proof) {
        List<Question> registered = SecurityQuestionsCredentialProvider.of(proof.session())
                .registeredQuestions(proof.user());
        return proof.state().drawn().stream()
                .map(id -> registered.stream().filter(q -> q.id().equals(id)).findFirst())
                .flatMap(Optional::stream)
                .toList();
    }
}
