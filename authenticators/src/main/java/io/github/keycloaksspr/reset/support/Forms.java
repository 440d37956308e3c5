package io.github.keycloaksspr.reset.support;

import org.keycloak.authentication.AuthenticationFlowContext;

import io.github.keycloaksspr.forms.FormFields;

/** Reads posted form fields defensively: trimmed, length-capped, never null. */
public final class Forms {

    private Forms() {
    }

    public static String field(AuthenticationFlowContext context, String name, int maxLength) {
        return FormFields.trimmed(context.getHttpRequest(), name, maxLength);
    }

    /** Password fields keep their spaces: they are part of the password. */
    public static String rawField(AuthenticationFlowContext context, String name, int maxLength) {
        return FormFields.raw(context.getHttpRequest(), name, maxLength);
    }
}
