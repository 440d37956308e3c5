package io.github.keycloaksspr.reset.chooseuser;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

import io.github.keycloaksspr.reset.support.StatelessFactory;

public final class ChooseUserAuthenticatorFactory extends StatelessFactory {

    public static final String ID = "sspr-choose-user";
    private static final ChooseUserAuthenticator INSTANCE = new ChooseUserAuthenticator();

    @Override
    public Authenticator create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "SSPR: choose user (with CAPTCHA)";
    }

    @Override
    public String getHelpText() {
        return "First step of self-service password reset: username or email plus a self-hosted CAPTCHA. "
                + "Never reveals whether an account exists.";
    }
}
