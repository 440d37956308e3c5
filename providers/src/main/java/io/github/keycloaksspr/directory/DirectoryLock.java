package io.github.keycloaksspr.directory;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The lockout a directory keeps for an account, apart from Keycloak's own brute-force lockout. */
public interface DirectoryLock {

    /** For accounts whose directory keeps no lockout this flow can read or clear. */
    DirectoryLock NONE = new DirectoryLock() {
        @Override
        public boolean locked(UserModel user) {
            return false;
        }

        @Override
        public void clear(UserModel user) {
            // nothing kept, nothing to clear
        }
    };

    boolean locked(UserModel user);

    /** Unlocks the account in the directory at once; throws when the directory refuses. */
    void clear(UserModel user);

    /** Active Directory's lockout for AD-federated users that Keycloak may write to; none for everyone else. */
    static DirectoryLock of(KeycloakSession session, RealmModel realm, UserModel user) {
        return FederationLink.of(realm, user)
                .filter(FederationLink::writesBack)
                .filter(FederationLink::activeDirectory)
                .<DirectoryLock>map(link -> new ActiveDirectoryLock(session, realm, link))
                .orElse(NONE);
    }
}
