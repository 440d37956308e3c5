package io.github.keycloaksspr.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("When sign-in stops for registration")
final class TriggerTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final RegistrationSettings DEFAULTS = RegistrationSettings.parse(Map.of());

    @Test
    @DisplayName("Given an in-scope user holding fewer methods than needed, then they are asked to register")
    void underRegistered() {
        assertThat(Trigger.decide(DEFAULTS, true, 1, 2, NOW, NOW)).isEqualTo(Trigger.REGISTER);
        assertThat(Trigger.decide(DEFAULTS, true, 0, 1, null, NOW)).isEqualTo(Trigger.REGISTER);
    }

    @Test
    @DisplayName("Given registration not enforced, out of scope, or nothing to register, then sign-in goes on")
    void notAsked() {
        RegistrationSettings off = RegistrationSettings.parse(Map.of(RegistrationSettings.ENFORCE, "false"));

        assertThat(Trigger.decide(off, true, 0, 2, null, NOW)).isEqualTo(Trigger.NONE);
        assertThat(Trigger.decide(DEFAULTS, false, 0, 2, null, NOW)).isEqualTo(Trigger.NONE);
        assertThat(Trigger.decide(DEFAULTS, true, 0, 0, null, NOW)).isEqualTo(Trigger.NONE);
    }

    @Test
    @DisplayName("Given a registered user, then reconfirmation is due from exactly the period on, and not before")
    void reconfirmation() {
        long period = Duration.ofDays(180).toMillis();

        assertThat(Trigger.decide(DEFAULTS, true, 2, 2, NOW - period + 1, NOW)).isEqualTo(Trigger.NONE);
        assertThat(Trigger.decide(DEFAULTS, true, 2, 2, NOW - period, NOW)).isEqualTo(Trigger.RECONFIRM);
        assertThat(Trigger.decide(DEFAULTS, true, 3, 2, NOW - 10 * period, NOW)).isEqualTo(Trigger.RECONFIRM);
    }

    @Test
    @DisplayName("Given methods that were never confirmed here (imported), then the user confirms them once")
    void neverConfirmed() {
        assertThat(Trigger.decide(DEFAULTS, true, 2, 2, null, NOW)).isEqualTo(Trigger.RECONFIRM);
    }

    @Test
    @DisplayName("Given a confirmation date in the future, then it counts as never confirmed and the user confirms")
    void futureDate() {
        assertThat(Trigger.decide(DEFAULTS, true, 2, 2, NOW + 1, NOW)).isEqualTo(Trigger.RECONFIRM);
    }

    @Test
    @DisplayName("Given reconfirmation set to 0 days, then a registered user is never asked again")
    void never() {
        RegistrationSettings never = RegistrationSettings.parse(Map.of(RegistrationSettings.RECONFIRM_DAYS, "0"));

        assertThat(Trigger.decide(never, true, 2, 2, 0L, NOW)).isEqualTo(Trigger.NONE);
        assertThat(Trigger.decide(never, true, 2, 2, null, NOW)).isEqualTo(Trigger.NONE);
        assertThat(Trigger.decide(never, true, 1, 2, null, NOW)).isEqualTo(Trigger.REGISTER);
    }
}
