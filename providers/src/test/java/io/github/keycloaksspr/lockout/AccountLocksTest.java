package io.github.keycloaksspr.lockout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserLoginFailureProvider;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

import io.github.keycloaksspr.directory.DirectoryLock;

class AccountLocksTest {

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final BruteForceProtector protector = mock(BruteForceProtector.class);
    private final UserLoginFailureProvider failures = mock(UserLoginFailureProvider.class);
    private final DirectoryLock directory = mock(DirectoryLock.class);
    private final UserModel user = mock(UserModel.class);
    private final AccountLocks locks = new AccountLocks(session, realm, u -> directory);

    @BeforeEach
    void setUp() {
        when(session.getProvider(BruteForceProtector.class)).thenReturn(protector);
        when(session.loginFailures()).thenReturn(failures);
        when(realm.isBruteForceProtected()).thenReturn(true);
        when(user.getId()).thenReturn("user-1");
        when(user.isEnabled()).thenReturn(true);
    }

    @Test
    @DisplayName("Given an enabled account with no failures and no directory lock, then not locked")
    void unlocked() {
        assertThat(locks.of(user)).isEqualTo(LockState.UNLOCKED);
    }

    @Test
    @DisplayName("Given a temporary brute-force lockout, then locked temporarily")
    void temporary() {
        when(protector.isTemporarilyDisabled(session, realm, user)).thenReturn(true);

        assertThat(locks.of(user)).isEqualTo(new LockState(true, false, false));
    }

    @Test
    @DisplayName("Given brute-force protection off, then Keycloak's failure records lock nobody")
    void protectionOff() {
        when(realm.isBruteForceProtected()).thenReturn(false);
        when(protector.isTemporarilyDisabled(session, realm, user)).thenReturn(true);

        assertThat(locks.of(user).locked()).isFalse();
    }

    @Test
    @DisplayName("Given a disabled account with disabledReason=permanentLockout, then locked permanently")
    void permanent() {
        givenDisabled(BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT);

        assertThat(locks.of(user)).isEqualTo(new LockState(false, true, false));
    }

    @Test
    @DisplayName("Given a directory lockout only, then locked in the directory")
    void directoryOnly() {
        when(directory.locked(user)).thenReturn(true);

        assertThat(locks.of(user)).isEqualTo(new LockState(false, false, true));
    }

    @Test
    @DisplayName("Given a temporary lockout, then unlocking removes the failure record and clears the directory")
    void unlockTemporary() {
        assertThat(locks.unlock(user)).isEqualTo(UnlockResult.UNLOCKED);

        verify(failures).removeUserLoginFailure(realm, "user-1");
        verify(directory).clear(user);
        verify(user, never()).setEnabled(true);
    }

    @Test
    @DisplayName("Given a permanent lockout, then unlocking enables the account and removes the lockout mark")
    void unlockPermanent() {
        givenDisabled(BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT);
        when(user.isEnabled()).thenReturn(false, true);

        assertThat(locks.unlock(user)).isEqualTo(UnlockResult.UNLOCKED);

        verify(user).setEnabled(true);
        verify(user).removeAttribute(UserModel.DISABLED_REASON);
    }

    @Test
    @DisplayName("Given an account an admin disabled, then unlocking clears the lockouts but leaves it disabled")
    void adminDisabledStaysDisabled() {
        givenDisabled(null);

        assertThat(locks.unlock(user)).isEqualTo(UnlockResult.STILL_DISABLED);

        verify(user, never()).setEnabled(true);
        verify(user, never()).removeAttribute(anyString());
    }

    @Test
    @DisplayName("Given a directory that refuses the unlock, then Keycloak's own lockout is left as it was")
    void directoryRefuses() {
        doThrow(new ModelException("refused")).when(directory).clear(user);

        assertThatThrownBy(() -> locks.unlock(user)).isInstanceOf(ModelException.class);

        verify(failures, never()).removeUserLoginFailure(any(), anyString());
    }

    private void givenDisabled(String reason) {
        when(user.isEnabled()).thenReturn(false);
        when(user.getFirstAttribute(UserModel.DISABLED_REASON)).thenReturn(reason);
    }
}
