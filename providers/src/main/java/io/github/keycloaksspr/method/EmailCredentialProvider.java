package io.github.keycloaksspr.method;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Makes the authentication email storable (registration, admin REST, import), listed in both consoles and
 * removable. One address per user: a new one replaces the old. Its label is the masked address, which is what the
 * account console shows.
 */
public final class EmailCredentialProvider implements CredentialProvider<CredentialModel> {

    private final KeycloakSession session;

    EmailCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return EmailCredentials.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, CredentialModel credential) {
        String address = EmailCredentials.parse(credential.getCredentialData())
                // the data is never echoed: it is an address
                .orElseThrow(() -> new ModelException("An sspr-email credential needs {\"address\":\"<email>\"}"));
        credential.setType(getType());
        credential.setCredentialData(EmailCredentials.credentialData(address));
        credential.setUserLabel(Masking.email(address));
        if (credential.getCreatedDate() == null) {
            credential.setCreatedDate(Time.currentTimeMillis());
        }
        return OnePerUser.replace(user, getType(), credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public CredentialModel getCredentialFromModel(CredentialModel model) {
        return model;
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        return ConsoleActions.metadata(session, metadataContext, getType(), MethodKind.Factor.EMAIL,
                "ssprEmailDisplayName", "ssprEmailHelpText");
    }
}
