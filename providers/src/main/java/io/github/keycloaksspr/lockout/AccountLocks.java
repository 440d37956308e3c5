package io.github.keycloaksspr.lockout;

import java.util.function.Function;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

import io.github.keycloaksspr.directory.DirectoryLock;

/**
 * Keycloak's brute-force lockouts plus the directory's, read and cleared together: a self-service unlock, and every
 * self-service reset, leaves the account usable everywhere (Entra's behaviour; Keycloak's own reset does not
 * unlock). An account an admin disabled is never enabled here.
 */
public final class AccountLocks {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Function<UserModel, DirectoryLock> directoryLocks;

    public AccountLocks(KeycloakSession session, RealmModel realm) {
        this(session, realm, user -> DirectoryLock.of(session, realm, user));
    }

    AccountLocks(KeycloakSession session, RealmModel realm, Function<UserModel, DirectoryLock> directoryLocks) {
        this.session = session;
        this.realm = realm;
        this.directoryLocks = directoryLocks;
    }

    public LockState of(UserModel user) {
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        boolean permanent = disabledByLockout(user);
        boolean temporary = realm.isBruteForceProtected() && protector.isTemporarilyDisabled(session, realm, user);
        boolean directory = directoryLock(user).locked(user);
        return new LockState(temporary, permanent, directory);
    }

    /** Clears every lockout; the directory's first, so a directory that refuses leaves Keycloak's state as it was. */
    public UnlockResult unlock(UserModel user) {
        directoryLock(user).clear(user);
        session.loginFailures().removeUserLoginFailure(realm, user.getId());
        if (disabledByLockout(user)) {
            user.removeAttribute(UserModel.DISABLED_REASON);
            user.setEnabled(true);
        }
        return user.isEnabled() ? UnlockResult.UNLOCKED : UnlockResult.STILL_DISABLED;
    }

    /**
     * Keycloak's mark for "disabled by brute force", as its own admin console reads it: the one kind of disabled
     * account self-service may enable again.
     */
    public static boolean disabledByLockout(UserModel user) {
        return !user.isEnabled()
                && BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT.equals(user.getFirstAttribute(UserModel.DISABLED_REASON));
    }

    private DirectoryLock directoryLock(UserModel user) {
        return directoryLocks.apply(user);
    }
}
