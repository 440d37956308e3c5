package io.github.keycloaksspr.registration;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelValidationException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import io.github.keycloaksspr.method.ConsoleActions;
import io.github.keycloaksspr.policy.PolicyResolver;

/**
 * "Register security info": the required action that makes users register their reset methods at sign-in and
 * reconfirm them, and that the account console starts to add or change one. Its gear holds the registration
 * settings, checked when saved.
 */
public final class RegisterSecurityInfoFactory implements RequiredActionFactory {

    public static final String ID = ConsoleActions.REGISTER_ACTION;

    private static final RegisterSecurityInfo INSTANCE = new RegisterSecurityInfo();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Register security info (self-service password reset)";
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        List<ProviderConfigProperty> properties = new ArrayList<>(ProviderConfigurationBuilder.create()
                .property().name(RegistrationSettings.ENFORCE)
                .label("Require users to register when signing in")
                .helpText("Users in the self-service password reset scope who hold fewer methods than required are "
                        + "asked to register at sign-in, and registered users are asked to reconfirm when due.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true").add()
                .property().name(RegistrationSettings.TO_REGISTER)
                .label("Number of methods required to register")
                .helpText("1 to 5, at least the number required to reset (Entra recommends one more). Empty: the "
                        + "number required to reset. Admins always register two.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(RegistrationSettings.RECONFIRM_DAYS)
                .label("Number of days before users are asked to reconfirm their authentication information")
                .helpText("0 to 730; 0 means never. Entra's default is 180.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Integer.toString(RegistrationSettings.DEFAULT_RECONFIRM_DAYS)).add()
                .property().name(RegistrationSettings.ALLOW_SKIP)
                .label("Allow users to skip registration")
                .helpText("Users may go on signing in without registering; they are asked again at the next sign-in.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true").add()
                .build());
        // how recent the sign-in must be before the account console may change a method
        properties.addAll(MAX_AUTH_AGE_CONFIG_PROPERTIES);
        return List.copyOf(properties);
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        RequiredActionFactory.super.validateConfig(session, realm, model);
        int resetNumber = PolicyResolver.resolve(session, realm).methodsRequired();
        List<String> problems = RegistrationSettings.validate(model.getConfig(), resetNumber);
        if (!problems.isEmpty()) {
            throw new ModelValidationException(String.join(" ", problems));
        }
    }

    @Override
    public void init(Config.Scope config) {
        // nothing to read: every setting is per realm
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to prepare
    }

    @Override
    public void close() {
        // holds nothing
    }
}
