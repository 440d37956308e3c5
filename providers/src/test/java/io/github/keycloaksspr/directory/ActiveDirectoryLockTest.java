package io.github.keycloaksspr.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ActiveDirectoryLockTest {

    @Test
    @DisplayName("Given the computed account control with UF_LOCKOUT, then locked; without it, not, whatever lockoutTime says")
    void computedFlagDecides() {
        assertThat(ActiveDirectoryLock.locked("134398032791884100", "16")).isTrue();
        // the lockout duration has passed: AD keeps lockoutTime until the next logon but no longer sets the flag
        assertThat(ActiveDirectoryLock.locked("134398032791884100", "0")).isFalse();
        assertThat(ActiveDirectoryLock.locked("0", "8388624")).isTrue();
    }

    @Test
    @DisplayName("Given no computed flag, then a non-zero lockoutTime means locked")
    void lockoutTimeFallback() {
        assertThat(ActiveDirectoryLock.locked("134398032791884100", null)).isTrue();
        assertThat(ActiveDirectoryLock.locked("0", null)).isFalse();
        assertThat(ActiveDirectoryLock.locked(null, null)).isFalse();
        assertThat(ActiveDirectoryLock.locked("garbage", "")).isFalse();
    }
}
