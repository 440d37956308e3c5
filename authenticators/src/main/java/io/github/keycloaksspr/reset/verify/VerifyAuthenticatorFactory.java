package io.github.keycloaksspr.reset.verify;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

import io.github.keycloaksspr.method.EmailCredentials;
import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.method.PhoneCredentials;
import io.github.keycloaksspr.policy.PolicyConfigProperties;
import io.github.keycloaksspr.policy.PolicyResolver;
import io.github.keycloaksspr.questions.SecurityQuestionsCredentialModel;
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

    /**
     * The account console lists a credential type only when an enabled flow step refers to it: this step does, for
     * every method the realm's policy enables and the extension stores.
     */
    @Override
    public Set<String> getOptionalReferenceCategories(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        if (realm == null) {
            return Set.of();
        }
        Set<MethodKind> methods = PolicyResolver.resolve(session, realm).methods();
        Set<String> types = new HashSet<>();
        if (methods.contains(MethodKind.EMAIL)) {
            types.add(EmailCredentials.TYPE);
        }
        if (methods.contains(MethodKind.MOBILE_SMS) || methods.contains(MethodKind.MOBILE_VOICE)) {
            types.add(PhoneCredentials.MOBILE_TYPE);
        }
        if (methods.contains(MethodKind.OFFICE_VOICE)) {
            types.add(PhoneCredentials.OFFICE_TYPE);
        }
        if (methods.contains(MethodKind.SECURITY_QUESTIONS)) {
            types.add(SecurityQuestionsCredentialModel.TYPE);
        }
        if (methods.contains(MethodKind.AUTHENTICATOR_APP)) {
            types.add(OTPCredentialModel.TYPE);
        }
        return Set.copyOf(types);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        ResetFlowInstaller.register(factory);
    }
}
