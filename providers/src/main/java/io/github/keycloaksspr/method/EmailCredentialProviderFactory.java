package io.github.keycloaksspr.method;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** {@code sspr-email}: the address codes are mailed to. */
public final class EmailCredentialProviderFactory implements CredentialProviderFactory<EmailCredentialProvider> {

    @Override
    public EmailCredentialProvider create(KeycloakSession session) {
        return new EmailCredentialProvider(session);
    }

    @Override
    public String getId() {
        return EmailCredentials.TYPE;
    }
}
