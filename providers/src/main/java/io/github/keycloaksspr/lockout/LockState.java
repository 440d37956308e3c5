package io.github.keycloaksspr.lockout;

/**
 * Which lockouts hold an account now.
 *
 * @param temporary Keycloak's brute-force lockout that ends by itself
 * @param permanent Keycloak's permanent lockout: the account disabled with {@code disabledReason=permanentLockout}
 * @param directory the directory's own lockout, e.g. Active Directory's {@code lockoutTime}
 */
public record LockState(boolean temporary, boolean permanent, boolean directory) {

    public static final LockState UNLOCKED = new LockState(false, false, false);

    public boolean locked() {
        return temporary || permanent || directory;
    }
}
