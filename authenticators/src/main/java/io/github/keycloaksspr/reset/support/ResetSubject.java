package io.github.keycloaksspr.reset.support;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.UserModel;

import io.github.keycloaksspr.lockout.AccountLocks;

/**
 * The account this reset is for. Normally the flow's user; but Keycloak ends every request of a flow whose user is
 * disabled, so a permanently locked-out account (disabled by the brute-force protector) is carried in an auth note
 * instead, and the later steps read it from there. Enabling it first is no way out: anyone who knows a username
 * could then lift the lock without proving anything.
 */
public final class ResetSubject {

    private ResetSubject() {
    }

    /** Makes an account that passed eligibility the subject of the rest of the flow. */
    public static void attach(AuthenticationFlowContext context, UserModel user) {
        if (user.isEnabled()) {
            context.getAuthenticationSession().removeAuthNote(ResetNotes.LOCKED_SUBJECT);
            context.setUser(user);
        } else {
            context.getAuthenticationSession().setAuthNote(ResetNotes.LOCKED_SUBJECT, user.getId());
        }
    }

    /**
     * The account being reset, or null when none passed eligibility in this flow. A noted account counts only while
     * it is enabled (unlocked in this flow) or still disabled by the lockout: if an admin disabled it meanwhile, it
     * is as gone as a disabled flow user would be.
     */
    public static UserModel of(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (user != null) {
            return user;
        }
        String id = context.getAuthenticationSession().getAuthNote(ResetNotes.LOCKED_SUBJECT);
        if (id == null) {
            return null;
        }
        UserModel noted = context.getSession().users().getUserById(context.getRealm(), id);
        return noted != null && (noted.isEnabled() || AccountLocks.disabledByLockout(noted)) ? noted : null;
    }

    /**
     * Whether Keycloak's flow engine knows the subject. When it does not, a failure challenge cannot reach the
     * brute-force protector, and the step must report the failure itself.
     */
    public static boolean onFlow(AuthenticationFlowContext context) {
        return context.getUser() != null;
    }
}
