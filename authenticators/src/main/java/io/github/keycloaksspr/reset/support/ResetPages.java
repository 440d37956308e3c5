package io.github.keycloaksspr.reset.support;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;

import io.github.keycloaksspr.policy.Policy;

/** Attributes every reset page carries, so the helpdesk link is on each of them. */
public final class ResetPages {

    public static final String HELPDESK_HREF = "ssprHelpdeskHref";
    public static final String HELPDESK_TEXT = "ssprHelpdeskText";

    private ResetPages() {
    }

    public static LoginFormsProvider form(AuthenticationFlowContext context, Policy policy) {
        return withHelpdesk(context.form(), policy);
    }

    /** Templates get plain strings: FreeMarker 2.3.32, as Keycloak ships it, does not read records as beans. */
    public static LoginFormsProvider withHelpdesk(LoginFormsProvider form, Policy policy) {
        policy.helpdesk().ifPresent(link -> {
            form.setAttribute(HELPDESK_HREF, link.href());
            form.setAttribute(HELPDESK_TEXT, link.display());
        });
        return form;
    }
}
