package io.github.keycloaksspr.reset.verify;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

import io.github.keycloaksspr.policy.PolicyConfigProperties;
import io.github.keycloaksspr.policy.PolicyLocation;
import io.github.keycloaksspr.reset.flow.ResetFlowInstaller;
import io.github.keycloaksspr.reset.support.StatelessFactory;

/** The verification step; its execution config is where a realm admin sets the whole reset policy. */
public final class VerifyAuthenticatorFactory extends StatelessFactory {

    public static final String ID = PolicyLocation.VERIFY_AUTHENTICATOR_ID;
    private static final VerifyAuthenticator INSTANCE = new VerifyAuthenticator(new ProofMethods());

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
        return "SSPR: verify N of M methods";
    }

    @Override
    public String getHelpText() {
        return "Users prove the configured number of their registered methods. The gear holds the realm's "
                + "self-service password reset policy.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PolicyConfigProperties.build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        ResetFlowInstaller.register(factory);
    }
}
