package io.github.keycloaksspr.questions;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Registers the {@code sspr-security-questions} credential type with Keycloak's credential manager. */
public final class SecurityQuestionsCredentialProviderFactory
        implements CredentialProviderFactory<SecurityQuestionsCredentialProvider> {

    public static final String ID = SecurityQuestionsCredentialModel.TYPE;

    @Override
    public SecurityQuestionsCredentialProvider create(KeycloakSession session) {
        return new SecurityQuestionsCredentialProvider(session);
    }

    @Override
    public String getId() {
        return ID;
    }
}
