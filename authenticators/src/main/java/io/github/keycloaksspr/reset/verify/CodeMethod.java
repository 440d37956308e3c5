package io.github.keycloaksspr.reset.verify;

import java.time.Duration;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.github.keycloaksspr.code.CodeCheck;
import io.github.keycloaksspr.code.OneTimeCode;
import io.github.keycloaksspr.delivery.Texts;
import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.secret.RealmSecrets;

/**
 * A method proven by a one-time code sent over some channel. Codes are kept only as an HMAC (see
 * {@link OneTimeCode}); every new code of a method waits out a cooldown, however it is asked for.
 */
final class CodeMethod implements ProofMethod {

    static final String CODE = "code";
    static final String TEMPLATE = "sspr-code.ftl";
    static final Duration RESEND_COOLDOWN = Duration.ofSeconds(30);
    static final String CODE_KEY_PURPOSE = "one-time-code";

    private static final Logger LOG = Logger.getLogger(CodeMethod.class);

    private final MethodKind kind;
    private final int digits;
    private final CodeDelivery delivery;
    private final SendLimits limits;

    CodeMethod(MethodKind kind, int digits, CodeDelivery delivery, SendLimits limits) {
        this.kind = kind;
        this.digits = digits;
        this.delivery = delivery;
        this.limits = limits;
    }

    @Override
    public MethodKind kind() {
        return kind;
    }

    @Override
    public Started start(Proof proof) {
        VerificationState state = proof.state();
        long now = System.currentTimeMillis();
        long wait = secondsToWait(state.lastSent(kind), now);
        if (wait > 0) {
            return Started.cooldown(wait);
        }
        Optional<PageMessage> refusal = limits.refusal(proof);
        if (refusal.isPresent()) {
            return Started.refused(refusal.get());
        }
        OneTimeCode.Issued issued = OneTimeCode.issue(kind.id(), digits, proof.policy().codeLifetime(), now,
                RealmSecrets.active(proof.session(), proof.realm(), CODE_KEY_PURPOSE));
        try {
            delivery.deliver(proof, issued.plain());
        } catch (CodeDelivery.DeliveryFailure e) {
            LOG.warnf("Could not send a %s reset code in realm %s: %s", kind.id(), proof.realm().getName(),
                    e.getMessage());
            state.clearPending();
            return Started.failed(e.message(), e.providerCode());
        }
        state.storeCode(issued.stored(), now);
        return Started.ready(PageMessage.NONE);
    }

    @Override
    public CodeCheck check(Proof proof) {
        Optional<OneTimeCode> pending = proof.state().pendingCode().filter(code -> code.method().equals(kind.id()));
        if (pending.isEmpty()) {
            return CodeCheck.EXPIRED;
        }
        return pending.get().check(proof.field(CODE, 64), System.currentTimeMillis(),
                RealmSecrets.byKid(proof.session(), proof.realm(), pending.get().kid(), CODE_KEY_PURPOSE));
    }

    @Override
    public Response page(Proof proof, PageMessage message) {
        return message.applyTo(proof.form()
                        .setAttribute("ssprCodeLength", digits)
                        .setAttribute("ssprCodeMinutes", minutes(proof.policy().codeLifetime())))
                .createForm(TEMPLATE);
    }

    @Override
    public boolean resendable() {
        return true;
    }

    static long secondsToWait(long lastSent, long now) {
        long waitMillis = lastSent + RESEND_COOLDOWN.toMillis() - now;
        return waitMillis <= 0 ? 0 : (waitMillis + 999) / 1000;
    }

    /** Whole minutes, rounded up, for sentences a person reads. */
    static long minutes(Duration duration) {
        return Texts.minutes(duration);
    }
}
