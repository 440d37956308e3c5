package io.github.keycloaksspr.reset.chooseuser;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.models.utils.KeycloakModelUtils;

import io.github.keycloaksspr.audit.FailureReason;
import io.github.keycloaksspr.audit.FlowGate;
import io.github.keycloaksspr.captcha.AltchaCaptcha;
import io.github.keycloaksspr.captcha.CaptchaVerdict;
import io.github.keycloaksspr.policy.Policy;
import io.github.keycloaksspr.policy.PolicyResolver;
import io.github.keycloaksspr.audit.EventDetails;
import io.github.keycloaksspr.reset.support.FlowAudit;
import io.github.keycloaksspr.reset.support.Forms;
import io.github.keycloaksspr.reset.support.ResetNotes;
import io.github.keycloaksspr.reset.support.ResetPages;
import io.github.keycloaksspr.reset.support.ResponseFloor;
import io.github.keycloaksspr.reset.verify.VerificationState;
import io.github.keycloaksspr.reset.support.ResetStep;

/**
 * Step 1: the user types a username or email and passes the CAPTCHA. Whether the account exists is never shown
 * here: an unknown name moves on exactly like a known one, and the next step answers both the same way.
 */
final class ChooseUserAuthenticator extends ResetStep {

    static final String USERNAME = "username";
    static final String CAPTCHA = "altcha";
    static final String TEMPLATE = "sspr-choose-user.ftl";
    private static final int MAX_USERNAME = 255;

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        String notice = context.getAuthenticationSession().getAuthNote(ResetNotes.NOTICE);
        context.getAuthenticationSession().removeAuthNote(ResetNotes.NOTICE);
        LoginFormsProvider form = page(context, "");
        if (notice != null) {
            form.setError(notice);
        }
        context.challenge(form.createForm(TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        ResponseFloor.markStart(context.getSession());
        Policy policy = PolicyResolver.resolve(context.getSession(), context.getRealm());
        String username = Forms.field(context, USERNAME, MAX_USERNAME + 1);

        if (policy.captcha()) {
            CaptchaVerdict verdict = new AltchaCaptcha(context.getSession(), context.getRealm())
                    .verify(Forms.field(context, CAPTCHA, 8192));
            if (!verdict.passed()) {
                FailureReason reason = FailureReason.valueOf("CAPTCHA_" + verdict.name());
                FlowAudit.of(context).gateFailed(FlowGate.CAPTCHA, null, null, reason.code());
                context.getEvent().clone().detail(EventDetails.GATE, FlowGate.CAPTCHA.name())
                        .detail(EventDetails.REASON, reason.code()).error("sspr_captcha_failed");
                context.challenge(rejected(context, username, CAPTCHA, "ssprCaptchaFailed"));
                return;
            }
            FlowAudit.of(context).gatePassed(FlowGate.CAPTCHA, null, null);
        }
        if (username.isEmpty()) {
            context.challenge(rejected(context, username, USERNAME, "ssprUsernameMissing"));
            return;
        }
        if (username.length() > MAX_USERNAME) {
            context.challenge(rejected(context, "", USERNAME, "ssprUsernameTooLong"));
            return;
        }

        // a back-button return to this page must not keep the account chosen before, nor anything proven for it
        context.clearUser();
        context.getAuthenticationSession().removeAuthNote(ResetNotes.CANDIDATE);
        new VerificationState(context.getAuthenticationSession()).clear();
        // for the event the next step writes, as Keycloak's own reset flow records the name typed
        context.getAuthenticationSession().setAuthNote(ResetNotes.TYPED_USERNAME, username);
        UserModel user = lookup(context.getSession(), context.getRealm(), username);
        if (user != null) {
            context.getAuthenticationSession().setAuthNote(ResetNotes.CANDIDATE, user.getId());
        }
        context.success();
    }

    private static UserModel lookup(KeycloakSession session, RealmModel realm, String username) {
        try {
            return KeycloakModelUtils.findUserByNameOrEmail(session, realm, username);
        } catch (ModelDuplicateException e) {
            // two accounts share this email: neither can be chosen by it, and the answer stays the same
            return null;
        }
    }

    private static Response rejected(AuthenticationFlowContext context, String username, String field, String message) {
        return page(context, username).addError(new FormMessage(field, message)).createForm(TEMPLATE);
    }

    private static LoginFormsProvider page(AuthenticationFlowContext context, String username) {
        Policy policy = PolicyResolver.resolve(context.getSession(), context.getRealm());
        LoginFormsProvider form = ResetPages.form(context, policy).setAttribute("ssprUsername", username);
        if (policy.captcha()) {
            form.setAttribute("ssprCaptchaChallenge",
                    new AltchaCaptcha(context.getSession(), context.getRealm()).challengeJson());
        }
        return form;
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
