package io.github.keycloaksspr.reset.newpassword;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

import io.github.keycloaksspr.reset.support.StatelessFactory;

public final class NewPasswordAuthenticatorFactory extends StatelessFactory {

    public static final String ID = "sspr-new-password";
    private static final NewPasswordAuthenticator INSTANCE = new NewPasswordAuthenticator();

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
        return "SSPR: new password";
    }

    @Override
    public String getHelpText() {
        return "Last step of self-service password reset: a new password under the realm's password policy, "
                + "then a confirmation page. Does not sign the user in.";
    }
}
