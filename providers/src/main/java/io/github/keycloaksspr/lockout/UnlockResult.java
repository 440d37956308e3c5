package io.github.keycloaksspr.lockout;

/** What unlocking did to the account. */
public enum UnlockResult {
    /** Every lockout is cleared; the account is usable with its current password. */
    UNLOCKED,
    /** The lockouts are cleared, but an admin disabled the account, and only an admin may enable it again. */
    STILL_DISABLED
}
