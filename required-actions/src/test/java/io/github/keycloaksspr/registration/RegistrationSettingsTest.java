package io.github.keycloaksspr.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Registration settings")
final class RegistrationSettingsTest {

    @Test
    @DisplayName("Given nothing saved, then Entra's defaults: enforced, reset number, 180 days, skipping allowed")
    void defaults() {
        RegistrationSettings settings = RegistrationSettings.parse(null);

        assertThat(settings.enforce()).isTrue();
        assertThat(settings.toRegister()).isEmpty();
        assertThat(settings.reconfirmDays()).isEqualTo(180);
        assertThat(settings.allowSkip()).isTrue();
        assertThat(settings.problems()).isEmpty();
        assertThat(settings.toRegisterFor(2)).isEqualTo(2);
    }

    @Test
    @DisplayName("Given values at the edges, then 1 and 5 methods, 0 and 730 days are read as given")
    void edges() {
        assertThat(RegistrationSettings.parse(Map.of(RegistrationSettings.TO_REGISTER, "5",
                RegistrationSettings.RECONFIRM_DAYS, "730")).reconfirmDays()).isEqualTo(730);
        RegistrationSettings low = RegistrationSettings.parse(Map.of(RegistrationSettings.TO_REGISTER, "1",
                RegistrationSettings.RECONFIRM_DAYS, "0", RegistrationSettings.ENFORCE, "false",
                RegistrationSettings.ALLOW_SKIP, "FALSE"));

        assertThat(low.toRegister()).isEqualTo(OptionalInt.of(1));
        assertThat(low.reconfirmDays()).isZero();
        assertThat(low.enforce()).isFalse();
        assertThat(low.allowSkip()).isFalse();
        assertThat(low.problems()).isEmpty();
    }

    @Test
    @DisplayName("Given values out of range or not numbers, then each is reported and its default applies")
    void refused() {
        RegistrationSettings settings = RegistrationSettings.parse(Map.of(RegistrationSettings.TO_REGISTER, "6",
                RegistrationSettings.RECONFIRM_DAYS, "731", RegistrationSettings.ENFORCE, "yes"));

        assertThat(settings.problems()).hasSize(3);
        assertThat(settings.toRegister()).isEmpty();
        assertThat(settings.reconfirmDays()).isEqualTo(180);
        assertThat(settings.enforce()).isTrue();
        assertThat(RegistrationSettings.parse(Map.of(RegistrationSettings.RECONFIRM_DAYS, "-1")).problems())
                .containsExactly("Number of days before users are asked to reconfirm must be a whole number from 0 "
                        + "to 730.");
        assertThat(RegistrationSettings.parse(Map.of(RegistrationSettings.TO_REGISTER, "two")).problems())
                .hasSize(1);
    }

    @Test
    @DisplayName("Given a registration number below the reset number, then the admin's input is refused")
    void belowResetNumber() {
        assertThat(RegistrationSettings.validate(Map.of(RegistrationSettings.TO_REGISTER, "1"), 2))
                .containsExactly("Number of methods required to register must be at least the number required to "
                        + "reset (2).");
        assertThat(RegistrationSettings.validate(Map.of(RegistrationSettings.TO_REGISTER, "2"), 2)).isEmpty();
        assertThat(RegistrationSettings.validate(Map.of(), 2)).isEmpty();
    }

    @Test
    @DisplayName("Given an admin who must prove two methods, then a realm asking one to register still asks two")
    void neverBelowWhatTheResetNeeds() {
        RegistrationSettings one = RegistrationSettings.parse(Map.of(RegistrationSettings.TO_REGISTER, "1"));

        assertThat(one.toRegisterFor(1)).isEqualTo(1);
        assertThat(one.toRegisterFor(2)).isEqualTo(2);
        assertThat(RegistrationSettings.parse(Map.of(RegistrationSettings.TO_REGISTER, "3")).toRegisterFor(2))
                .isEqualTo(3);
    }
}
