package io.github.keycloaksspr.registration;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * A line on a registration page: a message key and its parameters, never raw text, so a user reads a plain sentence
 * in their language and nothing from an exception.
 *
 * @param field the form field it belongs to, or null for the page
 * @param kind  how the page shows it
 */
record PageLine(String field, Kind kind, String key, Object... parameters) {

    enum Kind { INFO, SUCCESS, WARNING, ERROR }

    static final PageLine NONE = new PageLine(null, Kind.INFO, null);

    static PageLine info(String key, Object... parameters) {
        return new PageLine(null, Kind.INFO, key, parameters);
    }

    static PageLine success(String key, Object... parameters) {
        return new PageLine(null, Kind.SUCCESS, key, parameters);
    }

    static PageLine warning(String key, Object... parameters) {
        return new PageLine(null, Kind.WARNING, key, parameters);
    }

    static PageLine error(String key, Object... parameters) {
        return new PageLine(null, Kind.ERROR, key, parameters);
    }

    static PageLine fieldError(String field, String key, Object... parameters) {
        return new PageLine(field, Kind.ERROR, key, parameters);
    }

    LoginFormsProvider applyTo(LoginFormsProvider form) {
        if (key == null) {
            return form;
        }
        if (field != null) {
            return form.addError(new FormMessage(field, key, parameters));
        }
        return switch (kind) {
            case INFO -> form.setInfo(key, parameters);
            case SUCCESS -> form.setSuccess(key, parameters);
            case WARNING -> form.setMessage(org.keycloak.forms.login.MessageType.WARNING, key, parameters);
            case ERROR -> form.setError(key, parameters);
        };
    }
}
