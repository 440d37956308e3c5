package io.github.keycloaksspr.forms;

import org.keycloak.forms.login.LoginFormsProvider;

import io.github.keycloaksspr.policy.Policy;

/** The helpdesk link every reset and registration page carries, as the templates' shared macro reads it. */
public final class HelpdeskAttributes {

    public static final String HREF = "ssprHelpdeskHref";
    public static final String TEXT = "ssprHelpdeskText";

    private HelpdeskAttributes() {
    }

    /** Templates get plain strings: FreeMarker 2.3.32, as Keycloak ships it, does not read records as beans. */
    public static LoginFormsProvider apply(LoginFormsProvider form, Policy policy) {
        policy.helpdesk().ifPresent(link -> {
            form.setAttribute(HREF, link.href());
            form.setAttribute(TEXT, link.display());
        });
        return form;
    }
}
