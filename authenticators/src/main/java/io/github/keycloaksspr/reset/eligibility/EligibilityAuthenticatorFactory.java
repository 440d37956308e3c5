package io.github.keycloaksspr.reset.eligibility;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

import io.github.keycloaksspr.reset.support.StatelessFactory;

public final class EligibilityAuthenticatorFactory extends StatelessFactory {

    public static final String ID = "sspr-eligibility";
    private static final EligibilityAuthenticator INSTANCE = new EligibilityAuthenticator();

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
        return "SSPR: eligibility";
    }

    @Override
    public String getHelpText() {
        return "Lets through only enabled (or brute-force locked) accounts in the SSPR scope that hold enough "
                + "registered methods; everyone else sees the same \"contact your helpdesk\" page.";
    }
}
