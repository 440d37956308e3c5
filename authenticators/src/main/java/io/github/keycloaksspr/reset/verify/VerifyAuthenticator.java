package io.github.keycloaksspr.reset.verify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.BruteForceProtector;

import io.github.keycloaksspr.audit.AuditActivity;
import io.github.keycloaksspr.audit.AuditResult;
import io.github.keycloaksspr.audit.FailureReason;
import io.github.keycloaksspr.audit.FlowGate;
import io.github.keycloaksspr.code.CodeCheck;
import io.github.keycloaksspr.code.OneTimeCode;
import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.method.RegisteredMethods;
import io.github.keycloaksspr.policy.Policy;
import io.github.keycloaksspr.policy.PolicyResolver;
import io.github.keycloaksspr.secret.RealmSecrets;
import io.github.keycloaksspr.audit.EventDetails;
import io.github.keycloaksspr.reset.support.FlowAudit;
import io.github.keycloaksspr.reset.support.Forms;
import io.github.keycloaksspr.reset.support.ResetNotes;
import io.github.keycloaksspr.reset.support.ResetPages;
import io.github.keycloaksspr.reset.support.ResetStep;

/**
 * Step 3: prove N of the user's registered methods. The flow engine cannot run one execution twice, so this one
 * step is a small state machine: pick a method, prove it, pick a different one, until N are proven.
 */
final class VerifyAuthenticator extends ResetStep {

    static final String ACTION = "sspr-action";
    static final String METHOD = "sspr-method";
    static final String CODE = "code";
    static final String METHODS_TEMPLATE = "sspr-methods.ftl";
    static final String CODE_TEMPLATE = "sspr-code.ftl";

    static final int EMAIL_CODE_DIGITS = 8;
    static final Duration RESEND_COOLDOWN = Duration.ofSeconds(30);
    static final int MAX_FAILURES = 5;
    static final String CODE_KEY_PURPOSE = "one-time-code";

    private static final Logger LOG = Logger.getLogger(VerifyAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Policy policy = PolicyResolver.resolve(context.getSession(), context.getRealm());
        VerificationState state = new VerificationState(context.getAuthenticationSession());
        if (state.proven(context.getUser().getId()).size() >= policy.methodsRequired()) {
            context.success();
            return;
        }
        context.challenge(methodsPage(context, policy, state).createForm(METHODS_TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Policy policy = PolicyResolver.resolve(context.getSession(), context.getRealm());
        VerificationState state = new VerificationState(context.getAuthenticationSession());
        switch (Forms.field(context, ACTION, 16)) {
            case "choose" -> choose(context, policy, state);
            case "verify" -> verify(context, policy, state);
            case "resend" -> resend(context, policy, state);
            default -> {
                // "use another method", or a form this step does not know: back to the list
                state.clearCode();
                context.challenge(methodsPage(context, policy, state).createForm(METHODS_TEMPLATE));
            }
        }
    }

    private void choose(AuthenticationFlowContext context, Policy policy, VerificationState state) {
        Optional<MethodKind> method = MethodKind.fromId(Forms.field(context, METHOD, 32))
                .filter(kind -> remaining(context.getUser(), policy, state).contains(kind));
        if (method.isEmpty()) {
            context.challenge(methodsPage(context, policy, state)
                    .setError("ssprMethodUnavailable").createForm(METHODS_TEMPLATE));
            return;
        }
        sendCode(context, policy, state, method.get(), null);
    }

    private void resend(AuthenticationFlowContext context, Policy policy, VerificationState state) {
        Optional<MethodKind> method = state.pendingCode().flatMap(code -> MethodKind.fromId(code.method()));
        if (method.isEmpty()) {
            context.challenge(methodsPage(context, policy, state).createForm(METHODS_TEMPLATE));
            return;
        }
        sendCode(context, policy, state, method.get(), "ssprCodeResent");
    }

    /** {@code notice}: a message for the top of the code page, or null when the page's own text says it all. */
    private void sendCode(AuthenticationFlowContext context, Policy policy, VerificationState state,
                          MethodKind method, String notice) {
        long now = System.currentTimeMillis();
        long wait = secondsToWait(state.lastSent(method), now);
        if (wait > 0) {
            // every way to a new code goes through here, so switching methods and back cannot skip the cooldown
            boolean pending = state.pendingCode().map(code -> code.method().equals(method.id())).orElse(false);
            LoginFormsProvider page = pending ? codePage(context, policy, state, method)
                    : methodsPage(context, policy, state);
            context.challenge(page.setError("ssprResendWait", wait)
                    .createForm(pending ? CODE_TEMPLATE : METHODS_TEMPLATE));
            return;
        }
        UserModel user = context.getUser();
        OneTimeCode.Issued issued = OneTimeCode.issue(method.id(), EMAIL_CODE_DIGITS, policy.codeLifetime(), now,
                RealmSecrets.active(context.getSession(), context.getRealm(), CODE_KEY_PURPOSE));
        try {
            EmailCodeSender.send(context.getSession(), context.getRealm(), user, issued.plain(), policy.codeLifetime());
        } catch (EmailException e) {
            // the SMTP error names servers and addresses, never the code; the user gets a plain sentence
            LOG.warnf("Could not mail a reset code in realm %s: %s (%s)", context.getRealm().getName(), e.getMessage(),
                    e.getCause() == null ? "no cause" : e.getCause().getClass().getName());
            state.clearCode();
            FlowAudit.of(context).gateFailed(FlowGate.CODE_SENT, user, method.id(), FailureReason.SEND_FAILED.code());
            context.getEvent().clone().event(EventType.SEND_RESET_PASSWORD).user(user)
                    .detail(EventDetails.METHOD, method.id()).error(Errors.EMAIL_SEND_FAILED);
            context.challenge(methodsPage(context, policy, state)
                    .setError("ssprEmailNotSent").createForm(METHODS_TEMPLATE));
            return;
        }
        state.storeCode(issued.stored(), now);
        FlowAudit.of(context).gatePassed(FlowGate.CODE_SENT, user, method.id());
        context.getEvent().clone().event(EventType.SEND_RESET_PASSWORD).user(user)
                .detail(Details.EMAIL, user.getEmail()).detail(EventDetails.METHOD, method.id()).success();
        LoginFormsProvider page = codePage(context, policy, state, method);
        if (notice != null) {
            page.setInfo(notice);
        }
        context.challenge(page.createForm(CODE_TEMPLATE));
    }

    static long secondsToWait(long lastSent, long now) {
        long waitMillis = lastSent + RESEND_COOLDOWN.toMillis() - now;
        return waitMillis <= 0 ? 0 : (waitMillis + 999) / 1000;
    }

    private void verify(AuthenticationFlowContext context, Policy policy, VerificationState state) {
        Optional<OneTimeCode> pending = state.pendingCode();
        if (pending.isEmpty()) {
            context.challenge(methodsPage(context, policy, state)
                    .setError("ssprNoPendingCode").createForm(METHODS_TEMPLATE));
            return;
        }
        MethodKind method = MethodKind.fromId(pending.get().method()).orElseThrow();
        UserModel user = context.getUser();
        CodeCheck check = pending.get().check(Forms.field(context, CODE, 64), System.currentTimeMillis(),
                RealmSecrets.byKid(context.getSession(), context.getRealm(), pending.get().kid(), CODE_KEY_PURPOSE));
        switch (check) {
            case MATCH -> proven(context, policy, state, method, user);
            case EXPIRED -> expired(context, policy, state, method, user);
            case MISMATCH -> wrong(context, policy, state, method, user);
        }
    }

    private void proven(AuthenticationFlowContext context, Policy policy, VerificationState state, MethodKind method,
                        UserModel user) {
        state.clearCode();
        state.prove(method, user.getId());
        FlowAudit.of(context).gatePassed(FlowGate.METHOD_VERIFIED, user, method.id());
        if (state.proven(user.getId()).size() >= policy.methodsRequired()) {
            context.success();
        } else {
            context.challenge(methodsPage(context, policy, state).createForm(METHODS_TEMPLATE));
        }
    }

    /** Too slow is not a guess: it is recorded, but counts neither toward the five tries nor as a brute-force failure. */
    private void expired(AuthenticationFlowContext context, Policy policy, VerificationState state, MethodKind method,
                         UserModel user) {
        FlowAudit.of(context).gateFailed(FlowGate.METHOD_VERIFIED, user, method.id(), FailureReason.EXPIRED_CODE.code());
        context.getEvent().clone().user(user).detail(EventDetails.METHOD, method.id()).error(Errors.EXPIRED_CODE);
        context.challenge(codePage(context, policy, state, method)
                .addError(new FormMessage(CODE, "ssprCodeExpired")).createForm(CODE_TEMPLATE));
    }

    private void wrong(AuthenticationFlowContext context, Policy policy, VerificationState state, MethodKind method,
                       UserModel user) {
        int failures = state.recordFailure();
        context.getEvent().clone().user(user).detail(EventDetails.METHOD, method.id()).error(Errors.INVALID_CODE);
        if (failures >= MAX_FAILURES) {
            FlowAudit.of(context).gateFailed(FlowGate.METHOD_VERIFIED, user, method.id(),
                    FailureReason.TOO_MANY_ATTEMPTS.code());
            FlowAudit.of(context).activity(AuditActivity.RESET_PASSWORD_SELF_SERVICE, user, method.id(),
                    AuditResult.FAILURE, FailureReason.TOO_MANY_ATTEMPTS.code());
            recordBruteForceFailure(context, user);
            context.resetFlow(() -> context.getAuthenticationSession()
                    .setAuthNote(ResetNotes.NOTICE, "ssprTooManyAttempts"));
            return;
        }
        FlowAudit.of(context).gateFailed(FlowGate.METHOD_VERIFIED, user, method.id(), FailureReason.INVALID_CODE.code());
        Response response = codePage(context, policy, state, method)
                .addError(new FormMessage(CODE, "ssprCodeInvalid", MAX_FAILURES - failures)).createForm(CODE_TEMPLATE);
        // failureChallenge is what hands the failure to Keycloak's brute-force protector
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, response);
    }

    /** The flow restart below bypasses failureChallenge, so the last failure is reported to the protector here. */
    private static void recordBruteForceFailure(AuthenticationFlowContext context, UserModel user) {
        RealmModel realm = context.getRealm();
        if (realm.isBruteForceProtected()) {
            context.getSession().getProvider(BruteForceProtector.class).failedLogin(realm, user,
                    context.getConnection(), context.getUriInfo(), null);
        }
    }

    private static Set<MethodKind> remaining(UserModel user, Policy policy, VerificationState state) {
        Set<MethodKind> remaining = RegisteredMethods.usable(user, policy.methods());
        remaining.removeAll(state.proven(user.getId()));
        return remaining;
    }

    private static LoginFormsProvider methodsPage(AuthenticationFlowContext context, Policy policy,
                                                  VerificationState state) {
        UserModel user = context.getUser();
        List<MethodOption> options = remaining(user, policy, state).stream()
                .map(kind -> MethodOption.of(kind, user)).toList();
        return progress(ResetPages.form(context, policy), policy, state, user).setAttribute("ssprMethods", options);
    }

    private static LoginFormsProvider codePage(AuthenticationFlowContext context, Policy policy,
                                               VerificationState state, MethodKind method) {
        MethodOption option = MethodOption.of(method, context.getUser());
        return progress(ResetPages.form(context, policy), policy, state, context.getUser())
                .setAttribute("ssprMethod", option.getId())
                .setAttribute("ssprDestination", option.getDestination())
                .setAttribute("ssprCodeLength", EMAIL_CODE_DIGITS)
                .setAttribute("ssprCodeMinutes", minutes(policy.codeLifetime()));
    }

    /** Whole minutes, rounded up, for sentences a person reads. */
    static long minutes(Duration duration) {
        return Math.max(1, (duration.getSeconds() + 59) / 60);
    }

    private static LoginFormsProvider progress(LoginFormsProvider form, Policy policy, VerificationState state,
                                               UserModel user) {
        return form.setAttribute("ssprStep", state.proven(user.getId()).size() + 1)
                .setAttribute("ssprSteps", policy.methodsRequired());
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
