package io.github.keycloaksspr.reset.newpassword;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.ModelException;
import org.keycloak.models.UserModel;

import io.github.keycloaksspr.audit.AuditActivity;
import io.github.keycloaksspr.audit.AuditResult;
import io.github.keycloaksspr.audit.EventDetails;
import io.github.keycloaksspr.audit.FailureReason;
import io.github.keycloaksspr.lockout.AccountLocks;
import io.github.keycloaksspr.lockout.UnlockResult;
import io.github.keycloaksspr.policy.Policy;
import io.github.keycloaksspr.reset.eligibility.RefusalPage;
import io.github.keycloaksspr.reset.support.FlowAudit;
import io.github.keycloaksspr.reset.support.ResetNotes;
import io.github.keycloaksspr.reset.support.ResetPages;

/**
 * "Unlock my account" or "Reset my password": offered after verification to a locked-out user when the policy
 * allows unlocking without a reset. Unlocking clears Keycloak's lockout and the directory's, and keeps the password.
 */
final class UnlockChoice {

    static final String FIELD = "sspr-choice";
    static final String UNLOCK = "unlock";
    static final String RESET = "reset";
    static final String TEMPLATE = "sspr-unlock-choice.ftl";
    /** The value of {@link ResetNotes#DONE} after an unlock, so a replayed form shows the unlock confirmation. */
    static final String UNLOCKED = "unlocked";
    /** The event's custom action, as Keycloak names custom actions: the extension's id prefix, then the verb. */
    static final String EVENT_ACTION = "sspr-unlock";

    private static final Logger LOG = Logger.getLogger(UnlockChoice.class);

    private UnlockChoice() {
    }

    /**
     * Whether the user gets the choice before the new-password page. A directory that can't be asked right now
     * means no choice: the user still gets the new-password page, which unlocks too, instead of an error page.
     */
    static boolean offered(AuthenticationFlowContext context, Policy policy, UserModel user) {
        if (!policy.unlock()) {
            return false;
        }
        try {
            return new AccountLocks(context.getSession(), context.getRealm()).of(user).locked();
        } catch (ModelException e) {
            LOG.warnf("Could not read the directory's lockout of a user in realm %s: %s",
                    context.getRealm().getName(), e.getMessage());
            return false;
        }
    }

    static Response page(AuthenticationFlowContext context, Policy policy) {
        return ResetPages.form(context, policy).createForm(TEMPLATE);
    }

    /**
     * Acts on a posted choice. Returns false when the new-password page applies instead: the user chose to reset,
     * or an admin switched unlocking off since the choice was shown.
     */
    static boolean handle(AuthenticationFlowContext context, Policy policy, UserModel user, String choice) {
        // only where the choice was offered: a posted "unlock" for an account that isn't locked proves nothing
        if (!UNLOCK.equals(choice) || !offered(context, policy, user)) {
            return false;
        }
        UnlockResult result;
        try {
            result = new AccountLocks(context.getSession(), context.getRealm()).unlock(user);
        } catch (ModelException e) {
            // the directory's answer is for the admin's log only
            LOG.warnf("Self-service unlock refused by the directory in realm %s: %s", context.getRealm().getName(),
                    e.getMessage());
            failed(context, user, FailureReason.UNLOCK_FAILED);
            context.challenge(ResetPages.form(context, policy).setError("ssprUnlockFailed").createForm(TEMPLATE));
            return true;
        }
        if (result == UnlockResult.STILL_DISABLED) {
            failed(context, user, FailureReason.ACCOUNT_DISABLED);
            RefusalPage.redirect(context);
            return true;
        }
        context.getAuthenticationSession().setAuthNote(ResetNotes.DONE, UNLOCKED);
        String methods = context.getAuthenticationSession().getAuthNote(ResetNotes.PROVEN);
        FlowAudit.of(context).activity(AuditActivity.UNLOCK_SELF_SERVICE, user, methods, AuditResult.SUCCESS, null);
        context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION).user(user)
                .detail(Details.CUSTOM_REQUIRED_ACTION, EVENT_ACTION)
                .detail(EventDetails.METHODS, methods).success();
        context.challenge(done(context, policy));
        return true;
    }

    static boolean unlocked(AuthenticationFlowContext context) {
        return UNLOCKED.equals(context.getAuthenticationSession().getAuthNote(ResetNotes.DONE));
    }

    static Response done(AuthenticationFlowContext context, Policy policy) {
        return ResetPages.form(context, policy).setAttribute("ssprUnlocked", true)
                .createForm(NewPasswordAuthenticator.DONE_TEMPLATE);
    }

    private static void failed(AuthenticationFlowContext context, UserModel user, FailureReason reason) {
        FlowAudit.of(context).activity(AuditActivity.UNLOCK_SELF_SERVICE, user, null, AuditResult.FAILURE,
                reason.code());
        context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION).user(user)
                .detail(Details.CUSTOM_REQUIRED_ACTION, EVENT_ACTION)
                .detail(EventDetails.REASON, reason.code()).error(Errors.NOT_ALLOWED);
    }
}
