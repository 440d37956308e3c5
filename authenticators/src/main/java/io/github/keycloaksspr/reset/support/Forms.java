package io.github.keycloaksspr.reset.support;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.AuthenticationFlowContext;

/** Reads posted form fields defensively: trimmed, length-capped, never null. */
public final class Forms {

    private Forms() {
    }

    public static String field(AuthenticationFlowContext context, String name, int maxLength) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String value = form == null ? null : form.getFirst(name);
        if (value == null) {
            return "";
        }
        String trimmed = value.trim();
        return trimmed.length() > maxLength ? trimmed.substring(0, maxLength) : trimmed;
    }

    /** Password fields keep their spaces: they are part of the password. */
    public static String rawField(AuthenticationFlowContext context, String name, int maxLength) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String value = form == null ? null : form.getFirst(name);
        if (value == null) {
            return "";
        }
        return value.length() > maxLength ? value.substring(0, maxLength) : value;
    }
}
