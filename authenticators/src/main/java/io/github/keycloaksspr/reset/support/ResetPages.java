package io.github.keycloaksspr.reset.support;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;

import io.github.keycloaksspr.forms.HelpdeskAttributes;
import io.github.keycloaksspr.policy.Policy;

/** Attributes every reset page carries, so the helpdesk link is on each of them. */
public final class ResetPages {

    private ResetPages() {
    }

    public static LoginFormsProvider form(AuthenticationFlowContext context, Policy policy) {
        return withHelpdesk(context.form(), policy);
    }

    public static LoginFormsProvider withHelpdesk(LoginFormsProvider form, Policy policy) {
        return HelpdeskAttributes.apply(form, policy);
    }
}
