package io.github.keycloaksspr.reset.support;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** The lifecycle and metadata every step of the reset flow shares; each factory states only what differs. */
public abstract class StatelessFactory implements AuthenticatorFactory {

    /**
     * REQUIRED only: the steps guard each other (no new password without the proofs, no proofs without the
     * eligibility check), so an admin must not be able to switch one off and leave the others open.
     */
    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED
    };

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS.clone();
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    /** Null: these steps prove no credential of their own, so Keycloak's brute-force protector counts their failures. */
    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public void init(Config.Scope config) {
        // no server-level settings
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public void close() {
        // nothing held
    }
}
