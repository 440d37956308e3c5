package io.github.keycloaksspr.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.provider.ProviderConfigProperty;

class ThrottleSettingsTest {

    @Test
    @DisplayName("Given no saved config, then Entra's figures apply and there is no problem")
    void defaults() {
        ThrottleSettings settings = ThrottleSettings.parse(null);

        assertThat(settings.limit(ThrottleKind.FAILED_PROOF))
                .isEqualTo(new Limit(ThrottleKind.FAILED_PROOF, 5, Duration.ofHours(24)));
        assertThat(settings.limit(ThrottleKind.BLOCK))
                .isEqualTo(new Limit(ThrottleKind.BLOCK, 1, Duration.ofHours(24)));
        assertThat(settings.limit(ThrottleKind.CODE_TRY))
                .isEqualTo(new Limit(ThrottleKind.CODE_TRY, 5, Duration.ofHours(1)));
        assertThat(settings.limit(ThrottleKind.EMAIL_SEND))
                .isEqualTo(new Limit(ThrottleKind.EMAIL_SEND, 10, Duration.ofMinutes(10)));
        assertThat(settings.limit(ThrottleKind.PHONE_SEND_USER))
                .isEqualTo(new Limit(ThrottleKind.PHONE_SEND_USER, 5, Duration.ofHours(1)));
        assertThat(settings.limit(ThrottleKind.PHONE_SEND_NUMBER))
                .isEqualTo(new Limit(ThrottleKind.PHONE_SEND_NUMBER, 5, Duration.ofHours(1)));
        assertThat(settings.limit(ThrottleKind.PHONE_SEND_IP))
                .isEqualTo(new Limit(ThrottleKind.PHONE_SEND_IP, 20, Duration.ofHours(1)));
        assertThat(settings.valid()).isTrue();
        assertThat(ThrottleSettings.defaults()).isEqualTo(settings);
    }

    @Test
    @DisplayName("Given every figure set at its bounds, then each is read as typed, blanks and spaces aside")
    void fullConfig() {
        ThrottleSettings settings = ThrottleSettings.parse(Map.of(
                ThrottleSettings.FAILED_PROOFS, " 20 ",
                ThrottleSettings.FAILED_PROOFS_HOURS, "168",
                ThrottleSettings.CODE_TRIES_PER_HOUR, "1",
                ThrottleSettings.EMAIL_CODES_PER_10_MINUTES, "50",
                ThrottleSettings.PHONE_SENDS_PER_HOUR, "1",
                ThrottleSettings.PHONE_SENDS_PER_IP_PER_HOUR, "1000"));

        assertThat(settings)
                .isEqualTo(new ThrottleSettings(20, Duration.ofHours(168), 1, 50, 1, 1000, List.of()));
        assertThat(settings.limit(ThrottleKind.BLOCK).window()).isEqualTo(Duration.ofHours(168));
        assertThat(settings.limit(ThrottleKind.PHONE_SEND_NUMBER).max()).isEqualTo(1);
    }

    @Test
    @DisplayName("Given a figure out of range, then the problem names the setting, its range and the default used")
    void problemWording() {
        assertThat(ThrottleSettings.parse(Map.of(ThrottleSettings.FAILED_PROOFS, "21")).problems()).containsExactly(
                "Failed proofs before a user is blocked must be a whole number from 1 to 20; using 5.");
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource({
            "sspr.throttle.failed-proofs, 0, Failed proofs, 1 to 20; using 5.",
            "sspr.throttle.failed-proofs, 21, Failed proofs, 1 to 20; using 5.",
            "sspr.throttle.failed-proofs-hours, 0, Failed-proof window, 1 to 168; using 24.",
            "sspr.throttle.failed-proofs-hours, 169, Failed-proof window, 1 to 168; using 24.",
            "sspr.throttle.code-tries-per-hour, 21, Code tries, 1 to 20; using 5.",
            "sspr.throttle.code-tries-per-hour, five, Code tries, 1 to 20; using 5.",
            "sspr.throttle.email-codes-per-10-minutes, 51, Email codes, 1 to 50; using 10.",
            "sspr.throttle.email-codes-per-10-minutes, -1, Email codes, 1 to 50; using 10.",
            "sspr.throttle.phone-sends-per-hour, 0, Text and voice sends per hour must, 1 to 20; using 5.",
            "sspr.throttle.phone-sends-per-hour, 2.5, Text and voice sends per hour must, 1 to 20; using 5.",
            "sspr.throttle.phone-sends-per-ip-per-hour, 1001, Text and voice sends per hour per IP, 1 to 1000;",
            "sspr.throttle.phone-sends-per-ip-per-hour, 99999999999, Text and voice sends per hour per IP, 1 to 1000;"
    })
    @DisplayName("Given one invalid figure, then that figure falls back to its default and one plain problem says why")
    void invalidFigure(String key, String value, String label, String range) {
        ThrottleSettings settings = ThrottleSettings.parse(Map.of(key, value));

        assertThat(settings.problems()).singleElement().asString().startsWith(label).contains(range);
        assertThat(settings.valid()).isFalse();
        assertThat(new ThrottleSettings(settings.failedProofs(), settings.failedProofWindow(),
                settings.codeTriesPerHour(), settings.emailCodesPer10Minutes(), settings.phoneSendsPerHour(),
                settings.phoneSendsPerIpPerHour(), List.of())).isEqualTo(ThrottleSettings.defaults());
    }

    @Test
    @DisplayName("Given several invalid figures, then every one is reported")
    void everyProblem() {
        ThrottleSettings settings = ThrottleSettings.parse(Map.of(
                ThrottleSettings.FAILED_PROOFS, "x",
                ThrottleSettings.CODE_TRIES_PER_HOUR, "0",
                ThrottleSettings.PHONE_SENDS_PER_IP_PER_HOUR, "0"));

        assertThat(settings.problems()).hasSize(3);
    }

    @Test
    @DisplayName("Given the admin form, then it offers every figure with its key, a label, help and the default")
    void configProperties() {
        assertThat(ThrottleConfigProperties.build())
                .extracting(ProviderConfigProperty::getName, ProviderConfigProperty::getDefaultValue)
                .containsExactly(
                        tuple(ThrottleSettings.FAILED_PROOFS, "5"),
                        tuple(ThrottleSettings.FAILED_PROOFS_HOURS, "24"),
                        tuple(ThrottleSettings.CODE_TRIES_PER_HOUR, "5"),
                        tuple(ThrottleSettings.EMAIL_CODES_PER_10_MINUTES, "10"),
                        tuple(ThrottleSettings.PHONE_SENDS_PER_HOUR, "5"),
                        tuple(ThrottleSettings.PHONE_SENDS_PER_IP_PER_HOUR, "20"));
        assertThat(ThrottleConfigProperties.build()).allSatisfy(property -> {
            assertThat(property.getLabel()).isNotBlank();
            assertThat(property.getHelpText()).contains("default " + property.getDefaultValue());
        });
    }

    @Test
    @DisplayName("Given every kind, then its stored id is short, unique and maps back to it")
    void kindIds() {
        for (ThrottleKind kind : ThrottleKind.values()) {
            assertThat(kind.id().length()).isLessThanOrEqualTo(16);
            assertThat(ThrottleKind.fromId(kind.id())).contains(kind);
        }
        assertThat(ThrottleKind.fromId("nope")).isEmpty();
    }

    @Test
    @DisplayName("Given a subject, then its hash is the lower-case hex SHA-256 of its UTF-8 bytes")
    void subjectHash() {
        assertThat(Subjects.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Subjects.allOfUser("u-1")).contains("u-1", "u-1/email");
    }
}
