package io.github.keycloaksspr.reset.newpassword;

import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.forms.login.freemarker.model.PasswordPoliciesBean;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.messages.Messages;

import io.github.keycloaksspr.audit.AuditActivity;
import io.github.keycloaksspr.audit.AuditResult;
import io.github.keycloaksspr.audit.FailureReason;
import io.github.keycloaksspr.audit.FlowGate;
import io.github.keycloaksspr.directory.DirectoryRefusal;
import io.github.keycloaksspr.directory.DirectoryRefusals;
import io.github.keycloaksspr.directory.FederationLink;
import io.github.keycloaksspr.eligibility.Eligibility;
import io.github.keycloaksspr.eligibility.EligibilityReason;
import io.github.keycloaksspr.lockout.AccountLocks;
import io.github.keycloaksspr.method.Requirement;
import io.github.keycloaksspr.policy.Policy;
import io.github.keycloaksspr.policy.PolicyResolver;
import io.github.keycloaksspr.throttle.Throttles;
import io.github.keycloaksspr.reset.eligibility.RefusalPage;
import io.github.keycloaksspr.audit.EventDetails;
import io.github.keycloaksspr.reset.support.FlowAudit;
import io.github.keycloaksspr.reset.support.Forms;
import io.github.keycloaksspr.reset.support.ResetNotes;
import io.github.keycloaksspr.reset.support.ResetPages;
import io.github.keycloaksspr.reset.support.ResetStep;
import io.github.keycloaksspr.reset.support.ResetSubject;
import io.github.keycloaksspr.reset.verify.VerificationState;

/**
 * Step 4: the new password, checked against the realm's password policy with Keycloak's own messages, and for a
 * directory-federated user written to the directory under its policy. A locked-out user may first be offered to
 * unlock instead ({@link UnlockChoice}); a reset unlocks too. On success the user sees a confirmation page and signs
 * in afresh; the reset itself does not sign anyone in.
 */
final class NewPasswordAuthenticator extends ResetStep {

    static final String PASSWORD = "password-new";
    static final String CONFIRM = "password-confirm";
    static final String TEMPLATE = "sspr-new-password.ftl";
    static final String DONE_TEMPLATE = "sspr-done.ftl";
    /** Far above any sane policy, low enough that hashing a posted value cannot be used to burn CPU. */
    private static final int MAX_PASSWORD = 1024;
    private static final int MAX_CHOICE = 16;

    private static final Logger LOG = Logger.getLogger(NewPasswordAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Policy policy = PolicyResolver.resolve(context.getSession(), context.getRealm());
        if (done(context)) {
            context.challenge(donePage(context, policy));
            return;
        }
        UserModel user = provenSubject(context, policy);
        if (user == null) {
            return;
        }
        if (UnlockChoice.offered(context, policy, user)) {
            context.challenge(UnlockChoice.page(context, policy));
            return;
        }
        context.challenge(page(context, policy, user).createForm(TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Policy policy = PolicyResolver.resolve(context.getSession(), context.getRealm());
        if (done(context)) {
            context.challenge(donePage(context, policy));
            return;
        }
        UserModel user = provenSubject(context, policy);
        if (user == null) {
            return;
        }
        String choice = Forms.field(context, UnlockChoice.FIELD, MAX_CHOICE);
        if (!choice.isEmpty()) {
            if (!UnlockChoice.handle(context, policy, user, choice)) {
                context.challenge(page(context, policy, user).createForm(TEMPLATE));
            }
            return;
        }
        String password = Forms.rawField(context, PASSWORD, MAX_PASSWORD + 1);
        String confirmation = Forms.rawField(context, CONFIRM, MAX_PASSWORD + 1);
        if (password.isEmpty()) {
            context.challenge(rejected(context, policy, user, "password", Messages.MISSING_PASSWORD));
            return;
        }
        if (password.length() > MAX_PASSWORD) {
            context.challenge(rejected(context, policy, user, "password", "ssprPasswordTooLong", MAX_PASSWORD));
            return;
        }
        if (!password.equals(confirmation)) {
            context.challenge(rejected(context, policy, user, "password-confirm", Messages.NOTMATCH_PASSWORD));
            return;
        }
        PolicyError error = context.getSession().getProvider(PasswordPolicyManagerProvider.class)
                .validate(context.getRealm(), user, password);
        if (error != null) {
            refused(context, user, FailureReason.PASSWORD_POLICY);
            context.challenge(rejected(context, policy, user, "password", error.getMessage(),
                    error.getParameters()));
            return;
        }
        try {
            // for a federated user this is the synchronous directory write; a refusal leaves Keycloak's side untouched
            user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
        } catch (ModelException e) {
            // the message may come from a user store; it is logged for the admin, never shown raw to the user
            LOG.warnf("Password update refused for a self-service reset in realm %s: %s",
                    context.getRealm().getName(), e.getMessage());
            DirectoryRefusal refusal = DirectoryRefusals.classify(e).orElse(null);
            if (refusal != null) {
                refused(context, user, FailureReason.DIRECTORY_POLICY);
                context.challenge(rejected(context, policy, user, "password", refusal.messageKey(),
                        refusal.parameters().toArray()));
                return;
            }
            refused(context, user, FailureReason.UPDATE_REFUSED);
            context.challenge(rejected(context, policy, user, "password", "ssprPasswordNotSaved"));
            return;
        }
        user.removeRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        // Entra: a successful reset starts the user's counters afresh; in this transaction, so only if it commits
        Throttles.of(context.getSession(), context.getRealm(), policy.throttles()).clearAfterReset(user);
        unlockAfterReset(context, user);
        signOutEverywhere(context, user);
        context.getAuthenticationSession().setAuthNote(ResetNotes.DONE, "true");
        recordSuccess(context, user);
        context.challenge(donePage(context, policy));
    }

    /**
     * The account being reset, once more checked: this step never trusts its place in the flow. There must be one,
     * it must still be eligible and must hold the required proofs, made for this very account in this flow.
     * Otherwise the flow ends with the refusal and the answer is null.
     */
    private static UserModel provenSubject(AuthenticationFlowContext context, Policy policy) {
        UserModel user = ResetSubject.of(context);
        boolean eligible = Eligibility.decide(context.getSession(), context.getRealm(), policy, user)
                == EligibilityReason.ELIGIBLE;
        // the admin rule is decided again here: a role granted mid-flow raises the bar before the password changes
        boolean proven = eligible && Requirement.of(context.getSession(), context.getRealm(), policy, user)
                .metBy(new VerificationState(context.getAuthenticationSession()).proven(user.getId()));
        if (eligible && proven) {
            return user;
        }
        FlowAudit.of(context).gateFailed(FlowGate.NEW_PASSWORD, user, null, FailureReason.NO_PROOF.code());
        FlowAudit.of(context).activity(AuditActivity.RESET_PASSWORD_SELF_SERVICE, user, null, AuditResult.FAILURE,
                FailureReason.NO_PROOF.code());
        context.getEvent().clone().detail(EventDetails.GATE, FlowGate.NEW_PASSWORD.name())
                .detail(EventDetails.REASON, FailureReason.NO_PROOF.code()).error(Errors.NOT_ALLOWED);
        RefusalPage.redirect(context);
        return null;
    }

    private static void refused(AuthenticationFlowContext context, UserModel user, FailureReason reason) {
        FlowAudit.of(context).gateFailed(FlowGate.NEW_PASSWORD, user, null, reason.code());
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL).user(user)
                .detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE)
                .detail(EventDetails.REASON, reason.code()).error(Errors.PASSWORD_REJECTED);
        if (reason == FailureReason.UPDATE_REFUSED || reason == FailureReason.DIRECTORY_POLICY) {
            FlowAudit.of(context).activity(AuditActivity.RESET_PASSWORD_SELF_SERVICE, user, null, AuditResult.FAILURE,
                    reason.code());
        }
    }

    /**
     * Whoever had the old password loses every session and token with it, as Keycloak's own admin "sign out" does:
     * tokens issued before now stop working, including offline ones, and live sessions are logged out.
     */
    private static void signOutEverywhere(AuthenticationFlowContext context, UserModel user) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        session.sessions().getUserSessionsStream(realm, user)
                .collect(Collectors.toList()) // logging out removes sessions from the stream's source
                .forEach(userSession -> AuthenticationManager.backchannelLogout(session, realm, userSession,
                        session.getContext().getUri(), context.getConnection(),
                        session.getContext().getRequestHeaders(), true));
    }

    private static void recordSuccess(AuthenticationFlowContext context, UserModel user) {
        String methods = context.getAuthenticationSession().getAuthNote(ResetNotes.PROVEN);
        FlowAudit.of(context).gatePassed(FlowGate.NEW_PASSWORD, user, null);
        FlowAudit.of(context).activity(AuditActivity.RESET_PASSWORD_SELF_SERVICE, user, methods,
                AuditResult.SUCCESS, null);
        context.getEvent().clone().event(EventType.RESET_PASSWORD).user(user)
                .detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE)
                .detail(EventDetails.METHODS, methods).success();
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL).user(user)
                .detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE)
                .detail(EventDetails.METHODS, methods).success();
    }

    /**
     * A reset unlocks, as in Entra (Keycloak's own reset does not). The password is already changed, so a directory
     * that refuses the unlock costs the user a call to the helpdesk, not the new password.
     */
    private static void unlockAfterReset(AuthenticationFlowContext context, UserModel user) {
        try {
            new AccountLocks(context.getSession(), context.getRealm()).unlock(user);
        } catch (ModelException e) {
            LOG.warnf("Password reset, but the directory refused to unlock the account in realm %s: %s",
                    context.getRealm().getName(), e.getMessage());
        }
    }

    private static Response donePage(AuthenticationFlowContext context, Policy policy) {
        return UnlockChoice.unlocked(context) ? UnlockChoice.done(context, policy)
                : ResetPages.form(context, policy).createForm(DONE_TEMPLATE);
    }

    private static boolean done(AuthenticationFlowContext context) {
        return context.getAuthenticationSession().getAuthNote(ResetNotes.DONE) != null;
    }

    private static Response rejected(AuthenticationFlowContext context, Policy policy, UserModel user, String field,
                                     String message, Object... parameters) {
        return page(context, policy, user).addError(new FormMessage(field, message, parameters)).createForm(TEMPLATE);
    }

    private static LoginFormsProvider page(AuthenticationFlowContext context, Policy policy, UserModel user) {
        // a directory's own rules can't be listed here, so the page says that they apply
        boolean directoryRules = FederationLink.of(context.getRealm(), user).isPresent();
        return ResetPages.form(context, policy)
                .setAttribute("passwordPolicies", new PasswordPoliciesBean(context.getRealm().getPasswordPolicy()))
                .setAttribute("ssprDirectoryRules", directoryRules);
    }

    /** False: a permanently locked-out account gets here without being the flow's user (see {@link ResetSubject}). */
    @Override
    public boolean requiresUser() {
        return false;
    }
}
