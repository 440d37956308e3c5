package io.github.keycloaksspr.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OneTimeCodeTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final Duration TTL = Duration.ofMinutes(5);

    @Test
    @DisplayName("Given a new code, then it has the requested number of digits and is stored only as a hash")
    void issue() {
        OneTimeCode.Issued issued = OneTimeCode.issue("email", 8, TTL, NOW);

        assertThat(issued.plain()).matches("\\d{8}");
        assertThat(issued.stored().toNotes().values()).noneMatch(value -> value.contains(issued.plain()));
        assertThat(issued.stored().toString()).doesNotContain(issued.plain()).doesNotContain(issued.stored().hash());
    }

    @Test
    @DisplayName("Given the right code before expiry, then it matches, also with spaces or a dash")
    void match() {
        OneTimeCode.Issued issued = OneTimeCode.issue("email", 8, TTL, NOW);
        String code = issued.plain();

        assertThat(issued.stored().check(code, NOW + 1000)).isEqualTo(CodeCheck.MATCH);
        assertThat(issued.stored().check(code.substring(0, 4) + " " + code.substring(4), NOW)).isEqualTo(CodeCheck.MATCH);
        assertThat(issued.stored().check(code.substring(0, 4) + "-" + code.substring(4), NOW)).isEqualTo(CodeCheck.MATCH);
    }

    @Test
    @DisplayName("Given a wrong, short, long, empty or non-numeric code, then it does not match")
    void mismatch() {
        OneTimeCode.Issued issued = OneTimeCode.issue("email", 8, TTL, NOW);
        String code = issued.plain();
        String wrong = (code.charAt(0) == '0' ? "1" : "0") + code.substring(1);

        assertThat(issued.stored().check(wrong, NOW)).isEqualTo(CodeCheck.MISMATCH);
        assertThat(issued.stored().check(code.substring(1), NOW)).isEqualTo(CodeCheck.MISMATCH);
        assertThat(issued.stored().check(code + "0", NOW)).isEqualTo(CodeCheck.MISMATCH);
        assertThat(issued.stored().check("", NOW)).isEqualTo(CodeCheck.MISMATCH);
        assertThat(issued.stored().check(null, NOW)).isEqualTo(CodeCheck.MISMATCH);
        assertThat(issued.stored().check(code.substring(0, 7) + "x", NOW)).isEqualTo(CodeCheck.MISMATCH);
    }

    @Test
    @DisplayName("Given the right code after five minutes, then it has expired")
    void expired() {
        OneTimeCode.Issued issued = OneTimeCode.issue("email", 8, TTL, NOW);

        assertThat(issued.stored().check(issued.plain(), NOW + TTL.toMillis())).isEqualTo(CodeCheck.MATCH);
        assertThat(issued.stored().check(issued.plain(), NOW + TTL.toMillis() + 1)).isEqualTo(CodeCheck.EXPIRED);
    }

    @Test
    @DisplayName("Given two codes issued in a row, then their salts differ and the first does not prove the second")
    void independentCodes() {
        OneTimeCode.Issued first = OneTimeCode.issue("email", 8, TTL, NOW);
        OneTimeCode.Issued second = OneTimeCode.issue("email", 8, TTL, NOW);

        assertThat(first.stored().salt()).isNotEqualTo(second.stored().salt());
        if (!first.plain().equals(second.plain())) {
            assertThat(second.stored().check(first.plain(), NOW)).isEqualTo(CodeCheck.MISMATCH);
        }
    }

    @Test
    @DisplayName("Given stored notes, then the code reads back identically; incomplete notes read as none")
    void notesRoundTrip() {
        OneTimeCode stored = OneTimeCode.issue("email", 8, TTL, NOW).stored();
        Map<String, String> notes = stored.toNotes();

        assertThat(OneTimeCode.fromNotes(notes::get)).contains(stored);
        notes.remove("sspr.code.hash");
        assertThat(OneTimeCode.fromNotes(notes::get)).isEmpty();
    }

    @Test
    @DisplayName("Given a cooldown, then resending waits the remaining whole seconds")
    void resendCooldown() {
        OneTimeCode stored = OneTimeCode.issue("email", 8, TTL, NOW).stored();

        assertThat(stored.secondsUntilResendAllowed(Duration.ofSeconds(30), NOW + 100)).isEqualTo(30);
        assertThat(stored.secondsUntilResendAllowed(Duration.ofSeconds(30), NOW + 29_001)).isEqualTo(1);
        assertThat(stored.secondsUntilResendAllowed(Duration.ofSeconds(30), NOW + 30_000)).isZero();
    }
}
