package io.github.keycloaksspr.reset.eligibility;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.UserModel;

import io.github.keycloaksspr.audit.FlowGate;
import io.github.keycloaksspr.eligibility.Eligibility;
import io.github.keycloaksspr.eligibility.EligibilityReason;
import io.github.keycloaksspr.policy.Policy;
import io.github.keycloaksspr.policy.PolicyResolver;
import io.github.keycloaksspr.audit.EventDetails;
import io.github.keycloaksspr.reset.support.FlowAudit;
import io.github.keycloaksspr.reset.support.ResetNotes;
import io.github.keycloaksspr.reset.support.ResetSubject;
import io.github.keycloaksspr.reset.support.ResponseFloor;
import io.github.keycloaksspr.reset.support.ResetStep;

/**
 * Step 2: may this account reset here? Unknown, disabled, out-of-scope and unregistered accounts all get the same
 * refusal (the same redirect after the same time); the reason goes only to the audit record and the event. A
 * permanently locked-out account passes, but not as the flow's user (see {@link ResetSubject}).
 */
final class EligibilityAuthenticator extends ResetStep {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Policy policy = PolicyResolver.resolve(context.getSession(), context.getRealm());
        UserModel user = candidate(context);
        String typed = context.getAuthenticationSession().getAuthNote(ResetNotes.TYPED_USERNAME);
        context.getAuthenticationSession().removeAuthNote(ResetNotes.TYPED_USERNAME);
        EligibilityReason reason = Eligibility.decide(context.getSession(), context.getRealm(), policy, user);
        if (reason == EligibilityReason.ELIGIBLE) {
            FlowAudit.of(context).gatePassed(FlowGate.ELIGIBILITY, user, null);
            ResetSubject.attach(context, user);
            context.success();
            return;
        }
        FlowAudit.of(context).gateFailed(FlowGate.ELIGIBILITY, user, null, reason.code());
        EventBuilder event = context.getEvent().clone().detail(EventDetails.GATE, FlowGate.ELIGIBILITY.name())
                .detail(EventDetails.REASON, reason.code()).detail(Details.USERNAME, typed);
        if (user != null) {
            event.user(user);
        }
        event.error(eventError(reason));
        context.getAuthenticationSession().removeAuthNote(ResetNotes.CANDIDATE);
        refuse(context);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        // nothing on the refusal page posts; anything that does gets the same refusal
        refuse(context);
    }

    private static UserModel candidate(AuthenticationFlowContext context) {
        String id = context.getAuthenticationSession().getAuthNote(ResetNotes.CANDIDATE);
        return id == null ? null : context.getSession().users().getUserById(context.getRealm(), id);
    }

    private static void refuse(AuthenticationFlowContext context) {
        ResponseFloor.await(context.getSession());
        RefusalPage.redirect(context);
    }

    private static String eventError(EligibilityReason reason) {
        return switch (reason) {
            case USER_NOT_FOUND -> Errors.USER_NOT_FOUND;
            case USER_DISABLED -> Errors.USER_DISABLED;
            case NOT_ENABLED -> "sspr_not_enabled";
            case NOT_REGISTERED -> "sspr_not_registered";
            case FEDERATED_ADMIN -> "sspr_federated_admin";
            case PASSWORD_MANAGED_ON_PREMISES -> "sspr_password_managed_on_premises";
            case ELIGIBLE -> throw new IllegalArgumentException("not a refusal");
        };
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
