package io.github.keycloaksspr.reset.verify;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.github.keycloaksspr.method.Registration;
import io.github.keycloaksspr.method.Requirement;
import io.github.keycloaksspr.policy.Policy;
import io.github.keycloaksspr.reset.support.Forms;
import io.github.keycloaksspr.reset.support.ResetPages;
import io.github.keycloaksspr.throttle.Throttles;

/**
 * What a {@link ProofMethod} works with during one request: the flow, the policy, this account's requirement and
 * progress, and the registration being proven.
 */
final class Proof {

    private final AuthenticationFlowContext context;
    private final UserModel user;
    private final Policy policy;
    private final Requirement requirement;
    private final VerificationState state;
    private final Registration registration;
    private final Throttles throttles;

    Proof(AuthenticationFlowContext context, UserModel user, Policy policy, Requirement requirement,
          VerificationState state, Registration registration, Throttles throttles) {
        this.context = context;
        this.user = user;
        this.policy = policy;
        this.requirement = requirement;
        this.state = state;
        this.registration = registration;
        this.throttles = throttles;
    }

    Throttles throttles() {
        return throttles;
    }

    /** The client's address as Keycloak sees it (behind a proxy, as the proxy settings make it). */
    String clientAddress() {
        return context.getConnection() == null ? null : context.getConnection().getRemoteAddr();
    }

    AuthenticationFlowContext context() {
        return context;
    }

    KeycloakSession session() {
        return context.getSession();
    }

    RealmModel realm() {
        return context.getRealm();
    }

    /** The account being reset, which need not be the flow's user. */
    UserModel user() {
        return user;
    }

    Policy policy() {
        return policy;
    }

    VerificationState state() {
        return state;
    }

    Registration registration() {
        return registration;
    }

    String field(String name, int maxLength) {
        return Forms.field(context, name, maxLength);
    }

    /** A reset page with the helpdesk link and "Step x of y". */
    LoginFormsProvider form() {
        return ResetPages.form(context, policy)
                .setAttribute("ssprStep", Math.min(requirement.count(), state.provenCount(user().getId()) + 1))
                .setAttribute("ssprSteps", requirement.count())
                .setAttribute("ssprMethod", registration.kind().id())
                .setAttribute("ssprDestination", registration.masked());
    }
}
