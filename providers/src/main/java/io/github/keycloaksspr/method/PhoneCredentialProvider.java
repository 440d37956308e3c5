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
 * Keycloak's credential manager stores a credential type only through its provider: this one makes the phones
 * storable (registration, admin REST, realm import), listable in the admin console and removable. A phone is
 * nothing secret; what it proves is possession, shown with a code. One phone of each kind per user: a new one
 * replaces the old.
 */
public final class PhoneCredentialProvider implements CredentialProvider<CredentialModel> {

    private final KeycloakSession session;
    private final String type;

    PhoneCredentialProvider(KeycloakSession session, String type) {
        this.session = session;
        this.type = type;
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, CredentialModel credential) {
        if (PhoneCredentials.parse(credential.getCredentialData()).isEmpty()) {
            // the data is never echoed: it may be a phone number
            throw new ModelException("A " + type + " credential needs {\"number\":\"<E.164>\",\"extension\":\"<digits>\"}");
        }
        credential.setType(type);
        // what the account console lists: the number as the reset pages show it
        credential.setUserLabel(PhoneCredentials.parse(credential.getCredentialData()).get().masked());
        if (credential.getCreatedDate() == null) {
            credential.setCreatedDate(Time.currentTimeMillis());
        }
        return OnePerUser.replace(user, type, credential);
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
        boolean mobile = PhoneCredentials.MOBILE_TYPE.equals(type);
        return ConsoleActions.metadata(session, metadataContext, type,
                mobile ? MethodKind.Factor.MOBILE_PHONE : MethodKind.Factor.OFFICE_PHONE,
                mobile ? "ssprMobilePhoneDisplayName" : "ssprOfficePhoneDisplayName",
                mobile ? "ssprMobilePhoneHelpText" : "ssprOfficePhoneHelpText");
    }
}
