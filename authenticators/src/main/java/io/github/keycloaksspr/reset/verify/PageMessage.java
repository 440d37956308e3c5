package io.github.keycloaksspr.reset.verify;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * A line for the top of a page or under a field: a message key and its parameters, never raw text, so a user sees
 * a plain sentence in their language and nothing from an exception.
 *
 * @param field  the form field it belongs to, or null for the page
 * @param error  whether it says something went wrong
 */
record PageMessage(String field, boolean error, String key, Object... parameters) {

    static final PageMessage NONE = new PageMessage(null, false, null);

    static PageMessage info(String key, Object... parameters) {
        return new PageMessage(null, false, key, parameters);
    }

    static PageMessage error(String key, Object... parameters) {
        return new PageMessage(null, true, key, parameters);
    }

    static PageMessage fieldError(String field, String key, Object... parameters) {
        return new PageMessage(field, true, key, parameters);
    }

    LoginFormsProvider applyTo(LoginFormsProvider form) {
        if (key == null) {
            return form;
        }
        if (field != null) {
            return form.addError(new FormMessage(field, key, parameters));
        }
        return error ? form.setError(key, parameters) : form.setInfo(key, parameters);
    }
}
