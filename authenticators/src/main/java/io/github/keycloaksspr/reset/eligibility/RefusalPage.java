package io.github.keycloaksspr.reset.eligibility;

import java.net.URI;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.util.ResolveRelative;

import io.github.keycloaksspr.policy.PolicyResolver;
import io.github.keycloaksspr.reset.support.ResetPages;

/**
 * "You can't reset your password here". Every refusal is the same redirect to one page outside the flow, rendered
 * by a fresh form provider that knows neither the authentication session nor the user: no per-session token, no
 * account detail, the same bytes whatever the reason.
 */
public final class RefusalPage {

    static final String TEMPLATE = "sspr-unavailable.ftl";
    static final String PATH = "unavailable";

    private RefusalPage() {
    }

    /** Where the flow sends a refused user; only the realm and the client shape it. */
    static URI location(KeycloakSession session, RealmModel realm, ClientModel client) {
        UriBuilder builder = session.getContext().getUri().getBaseUriBuilder()
                .path("realms").path(realm.getName()).path(RefusalResourceFactory.ID).path(PATH);
        if (client != null) {
            builder.queryParam("client_id", client.getClientId());
        }
        return builder.build();
    }

    /** Ends the flow here with the refusal: used by eligibility and by any later step that finds no proof. */
    public static void redirect(AuthenticationFlowContext context) {
        context.forceChallenge(Response.seeOther(location(context.getSession(), context.getRealm(),
                context.getAuthenticationSession().getClient())).build());
    }

    static Response render(KeycloakSession session, RealmModel realm, ClientModel client) {
        LoginFormsProvider form = session.getKeycloakSessionFactory()
                .getProviderFactory(LoginFormsProvider.class)
                .create(session);
        ResetPages.withHelpdesk(form, PolicyResolver.resolve(session, realm));
        String back = backUrl(session, client);
        if (back != null) {
            form.setAttribute("ssprBackUrl", back);
        }
        return form.setStatus(Response.Status.OK).createForm(TEMPLATE);
    }

    /** The application's own start page, as Keycloak's info pages link it; none for a client without one. */
    private static String backUrl(KeycloakSession session, ClientModel client) {
        if (client == null || client.getBaseUrl() == null || client.getBaseUrl().isBlank()) {
            return null;
        }
        return ResolveRelative.resolveRelativeUri(session, client.getRootUrl(), client.getBaseUrl());
    }
}
