package io.github.keycloaksspr.reset.eligibility;

import jakarta.ws.rs.core.Response;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;

import io.github.keycloaksspr.policy.Policy;
import io.github.keycloaksspr.reset.support.ResetPages;

/**
 * "You can't reset your password here". Rendered by a fresh form provider that knows neither the authentication
 * session nor the user, so the page carries no per-session token and no account detail: the same bytes whatever
 * the reason for the refusal.
 */
final class RefusalPage {

    static final String TEMPLATE = "sspr-unavailable.ftl";

    private RefusalPage() {
    }

    static Response render(KeycloakSession session, Policy policy) {
        LoginFormsProvider form = session.getKeycloakSessionFactory()
                .getProviderFactory(LoginFormsProvider.class)
                .create(session);
        return ResetPages.withHelpdesk(form, policy).setStatus(Response.Status.OK).createForm(TEMPLATE);
    }
}
