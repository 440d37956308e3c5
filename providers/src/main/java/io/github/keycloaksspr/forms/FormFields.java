package io.github.keycloaksspr.forms;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.http.HttpRequest;

/** Reads posted form fields defensively: trimmed, length-capped, never null. */
public final class FormFields {

    private FormFields() {
    }

    public static String trimmed(HttpRequest request, String name, int maxLength) {
        String value = raw(request, name, Integer.MAX_VALUE).trim();
        return value.length() > maxLength ? value.substring(0, maxLength) : value;
    }

    /** Password fields keep their spaces: they are part of the password. */
    public static String raw(HttpRequest request, String name, int maxLength) {
        MultivaluedMap<String, String> form = request == null ? null : request.getDecodedFormParameters();
        String value = form == null ? null : form.getFirst(name);
        if (value == null) {
            return "";
        }
        return value.length() > maxLength ? value.substring(0, maxLength) : value;
    }
}
