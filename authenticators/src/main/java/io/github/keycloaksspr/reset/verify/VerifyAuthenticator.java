package io.github.keycloaksspr.reset.verify;

import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

import io.github.keycloaksspr.audit.AuditActivity;
import io.github.keycloaksspr.audit.AuditResult;
import io.github.keycloaksspr.audit.EventDetails;
import io.github.keycloaksspr.audit.FailureReason;
import io.github.keycloaksspr.audit.FlowGate;
import io.github.keycloaksspr.code.CodeCheck;
import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.reset.eligibility.RefusalPage;
import io.github.keycloaksspr.reset.support.FlowAudit;
import io.github.keycloaksspr.reset.support.Forms;
import io.github.keycloaksspr.reset.support.ResetNotes;
import io.github.keycloaksspr.reset.support.ResetStep;
import io.github.keycloaksspr.reset.support.ResetSubject;

/**
 * Step 3: prove N of the user's registered methods. The flow engine cannot run one execution twice, so this one
 * step is a small state machine: pick a method, prove it, pick one of another kind, until N are proven. Only the
 * method picked last can be answered, and only for the account it was picked for; everything else in a posted
 * form is ignored, so replayed forms, two tabs or a made-up method id cannot skip a step.
 */
final class VerifyAuthenticator extends ResetStep {

    static final String ACTION = "sspr-action";
    static final String METHOD = "sspr-method";

    private final ProofMethods methods;

    VerifyAuthenticator(ProofMethods methods) {
        this.methods = methods;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Attempt attempt = attempt(context);
        if (attempt == null) {
            return;
        }
        if (attempt.met()) {
            context.success();
            return;
        }
        if (blocked(attempt)) {
            return;
        }
        context.challenge(attempt.methodsPage(PageMessage.NONE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Attempt attempt = attempt(context);
        if (attempt == null) {
            return;
        }
        // checked on every post: the block may have started in another tab or on another node
        if (blocked(attempt)) {
            return;
        }
        switch (Forms.field(context, ACTION, 16)) {
            case "choose" -> choose(attempt, Forms.field(context, METHOD, 32));
            case "verify", "answer" -> verify(attempt);
            case "resend" -> resend(attempt);
            default -> {
                // "use another method", or a form this step does not know: back to the list
                attempt.state().clearPending();
                context.challenge(attempt.methodsPage(PageMessage.NONE));
            }
        }
    }

    /**
     * The attempt for the account being reset; null, with the flow ended by the refusal, when no account passed
     * eligibility in this flow. This step does not trust its place in the flow.
     */
    private Attempt attempt(AuthenticationFlowContext context) {
        UserModel user = ResetSubject.of(context);
        if (user == null) {
            RefusalPage.redirect(context);
            return null;
        }
        return Attempt.of(context, methods, user);
    }

    /** A blocked account gets nothing here until the block ends: the flow starts over with a notice. */
    private static boolean blocked(Attempt attempt) {
        if (!attempt.throttles().isBlocked(attempt.user())) {
            return false;
        }
        AuthenticationFlowContext context = attempt.context();
        FlowAudit.of(context).gateFailed(FlowGate.METHOD_VERIFIED, attempt.user(), null,
                FailureReason.BLOCKED.code());
        context.getEvent().clone().user(attempt.user()).detail(EventDetails.REASON, FailureReason.BLOCKED.code())
                .error(Errors.USER_TEMPORARILY_DISABLED);
        restart(context, "ssprBlocked");
        return true;
    }

    private static void restart(AuthenticationFlowContext context, String notice) {
        context.resetFlow(() -> context.getAuthenticationSession().setAuthNote(ResetNotes.NOTICE, notice));
    }

    private void choose(Attempt attempt, String methodId) {
        Optional<Proof> proof = MethodKind.fromId(methodId).flatMap(attempt::proof);
        if (proof.isEmpty()) {
            attempt.context().challenge(attempt.methodsPage(PageMessage.error("ssprMethodUnavailable")));
            return;
        }
        start(attempt, proof.get(), PageMessage.NONE);
    }

    private void resend(Attempt attempt) {
        Optional<Proof> proof = attempt.state().pending().filter(kind -> methods.get(kind).resendable())
                .flatMap(attempt::proof);
        if (proof.isEmpty()) {
            attempt.context().challenge(attempt.methodsPage(PageMessage.NONE));
            return;
        }
        start(attempt, proof.get(), PageMessage.info("ssprCodeResent"));
    }

    /** Every way to a new code or new questions goes through here, so no path skips the cooldown or a throttle. */
    private void start(Attempt attempt, Proof proof, PageMessage notice) {
        AuthenticationFlowContext context = attempt.context();
        ProofMethod method = methods.get(proof.registration().kind());
        String methodId = method.kind().id();
        // a method whose hourly tries are used up sends nothing more: no text to pay for, no code to waste
        Started started = attempt.throttles().codeTriesLeft(attempt.user(), method.kind()) == 0
                ? Started.refused(PageMessage.error("ssprTooManyTries")) : method.start(proof);
        UserModel user = attempt.user();
        switch (started.outcome()) {
            case READY -> {
                if (method.kind().sendsCode()) {
                    FlowAudit.of(context).gatePassed(FlowGate.CODE_SENT, user, methodId);
                    context.getEvent().clone().event(EventType.SEND_RESET_PASSWORD).user(user)
                            .detail(EventDetails.METHOD, methodId).success();
                }
                context.challenge(method.page(proof, started.message().key() == null ? notice : started.message()));
            }
            case COOLDOWN -> {
                boolean pending = attempt.state().pending().map(method.kind()::equals).orElse(false);
                context.challenge(pending ? method.page(proof, started.message())
                        : attempt.methodsPage(started.message()));
            }
            case REFUSED -> {
                FlowAudit.of(context).gateFailed(FlowGate.CODE_SENT, user, methodId,
                        FailureReason.THROTTLED.code());
                context.getEvent().clone().event(EventType.SEND_RESET_PASSWORD).user(user)
                        .detail(EventDetails.METHOD, methodId).error(Errors.ACCESS_DENIED);
                context.challenge(attempt.methodsPage(started.message()));
            }
            case FAILED -> {
                FlowAudit.of(context).gateFailed(FlowGate.CODE_SENT, user, methodId,
                        FailureReason.SEND_FAILED.code(), started.providerCode());
                context.getEvent().clone().event(EventType.SEND_RESET_PASSWORD).user(user)
                        .detail(EventDetails.METHOD, methodId)
                        .detail(EventDetails.PROVIDER_ERROR, started.providerCode())
                        .error(method.kind() == MethodKind.EMAIL ? Errors.EMAIL_SEND_FAILED : Errors.GENERIC_AUTHENTICATION_ERROR);
                context.challenge(attempt.methodsPage(started.message()));
            }
        }
    }

    private void verify(Attempt attempt) {
        AuthenticationFlowContext context = attempt.context();
        Optional<Proof> proof = attempt.state().pending().flatMap(attempt::proof);
        if (proof.isEmpty()) {
            attempt.state().clearPending();
            context.challenge(attempt.methodsPage(PageMessage.error("ssprNoPendingCode")));
            return;
        }
        ProofMethod method = methods.get(proof.get().registration().kind());
        if (!method.answered(proof.get())) {
            context.challenge(method.page(proof.get(), method.missingMessage()));
            return;
        }
        // reserved before the check, atomically across nodes, so parallel posts can't add guesses
        if (!attempt.throttles().tryCodeTry(attempt.user(), method.kind())) {
            // Entra's "5 code tries per hour per method": this method rests, the others stay open
            attempt.state().clearPending();
            FlowAudit.of(context).gateFailed(FlowGate.METHOD_VERIFIED, attempt.user(), method.kind().id(),
                    FailureReason.THROTTLED.code());
            context.getEvent().clone().user(attempt.user()).detail(EventDetails.METHOD, method.kind().id())
                    .detail(EventDetails.REASON, FailureReason.THROTTLED.code()).error(Errors.ACCESS_DENIED);
            context.challenge(attempt.methodsPage(PageMessage.error("ssprTooManyTries")));
            return;
        }
        switch (method.check(proof.get())) {
            case MATCH -> proven(attempt, method);
            case EXPIRED -> expired(attempt, proof.get(), method);
            case MISMATCH -> wrong(attempt, proof.get(), method);
        }
    }

    private void proven(Attempt attempt, ProofMethod method) {
        AuthenticationFlowContext context = attempt.context();
        UserModel user = attempt.user();
        attempt.state().clearPending();
        attempt.state().prove(method.kind(), user.getId());
        FlowAudit.of(context).gatePassed(FlowGate.METHOD_VERIFIED, user, method.kind().id());
        if (attempt.met()) {
            context.success();
        } else {
            context.challenge(attempt.methodsPage(PageMessage.NONE));
        }
    }

    /** Too slow is not a guess: it is recorded, but counts neither toward the tries nor as a brute-force failure. */
    private void expired(Attempt attempt, Proof proof, ProofMethod method) {
        AuthenticationFlowContext context = attempt.context();
        UserModel user = attempt.user();
        FlowAudit.of(context).gateFailed(FlowGate.METHOD_VERIFIED, user, method.kind().id(),
                FailureReason.EXPIRED_CODE.code());
        context.getEvent().clone().user(user).detail(EventDetails.METHOD, method.kind().id())
                .error(Errors.EXPIRED_CODE);
        context.challenge(method.page(proof, method.expiredMessage()));
    }

    private void wrong(Attempt attempt, Proof proof, ProofMethod method) {
        AuthenticationFlowContext context = attempt.context();
        UserModel user = attempt.user();
        String methodId = method.kind().id();
        String reason = method.kind() == MethodKind.SECURITY_QUESTIONS ? FailureReason.WRONG_ANSWER.code()
                : FailureReason.INVALID_CODE.code();
        boolean blockedNow = attempt.throttles().recordFailedProof(user);
        context.getEvent().clone().user(user).detail(EventDetails.METHOD, methodId).error(Errors.INVALID_CODE);
        if (blockedNow) {
            FlowAudit.of(context).gateFailed(FlowGate.METHOD_VERIFIED, user, methodId,
                    FailureReason.TOO_MANY_ATTEMPTS.code());
            FlowAudit.of(context).activity(AuditActivity.BLOCKED, user, methodId, AuditResult.FAILURE,
                    FailureReason.TOO_MANY_ATTEMPTS.code());
            FlowAudit.of(context).activity(AuditActivity.RESET_PASSWORD_SELF_SERVICE, user, methodId,
                    AuditResult.FAILURE, FailureReason.TOO_MANY_ATTEMPTS.code());
            recordBruteForceFailure(context, user);
            restart(context, "ssprBlocked");
            return;
        }
        FlowAudit.of(context).gateFailed(FlowGate.METHOD_VERIFIED, user, methodId, reason);
        // the nearer of the two limits: the day's failed proofs, or this method's tries this hour
        int triesLeft = Math.min(attempt.throttles().failedProofsLeft(user),
                attempt.throttles().codeTriesLeft(user, method.kind()));
        Response response = method.page(proof, method.wrongProofMessage(triesLeft));
        if (!ResetSubject.onFlow(context)) {
            // a locked-out account is not the flow's user, so failureChallenge below cannot report it
            recordBruteForceFailure(context, user);
        }
        // failureChallenge is what hands the failure to Keycloak's brute-force protector
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, response);
    }

    /**
     * Reports a failure to the protector where failureChallenge does not: before a flow restart, and for a subject
     * that is not the flow's user.
     */
    private static void recordBruteForceFailure(AuthenticationFlowContext context, UserModel user) {
        RealmModel realm = context.getRealm();
        if (realm.isBruteForceProtected()) {
            context.getSession().getProvider(BruteForceProtector.class).failedLogin(realm, user,
                    context.getConnection(), context.getUriInfo(), null);
        }
    }

    /** False: a permanently locked-out account is verified without being the flow's user (see {@link ResetSubject}). */
    @Override
    public boolean requiresUser() {
        return false;
    }
}
