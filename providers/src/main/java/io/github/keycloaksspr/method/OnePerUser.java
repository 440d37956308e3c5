package io.github.keycloaksspr.method;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;

/** The extension's credential types hold one credential per user: storing a new one replaces the old. */
public final class OnePerUser {

    private OnePerUser() {
    }

    public static CredentialModel replace(UserModel user, String type, CredentialModel credential) {
        user.credentialManager().getStoredCredentialsByTypeStream(type).toList()
                .forEach(existing -> user.credentialManager().removeStoredCredentialById(existing.getId()));
        return user.credentialManager().createStoredCredential(credential);
    }
}
