package io.github.keycloaksspr.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.github.keycloaksspr.secret.DerivedKey;

class OneTimeCodeTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final DerivedKey KEY = new DerivedKey("kid-1", "0123456789abcdef0123456789abcdef".getBytes());

    @Test
    @DisplayName("Given a new code, then it has the requested number of digits and is stored only as a hash")
    void issue() {
        OneTimeCode.Issued issued = OneTimeCode.issue("email", 8, TTL, NOW, KEY);

        assertThat(issued.plain()).matches("\\d{8}");
        assertThat(issued.stored().toNotes().values()).noneMatch(value -> value.contains(issued.plain()));
        assertThat(issued.stored().toString()).doesNotContain(issued.plain()).doesNotContain(issued.stored().hash());
    }

    @Test
    @DisplayName("Given the right code before expiry, then it matches, also with spaces or a dash")
    void match() {
        OneTimeCode.Issued issued = OneTimeCode.issue("email", 8, TTL, NOW, KEY);
        String code = issued.plain();

        assertThat(issued.stored().check(code, NOW + 1000, KEY)).isEqualTo(CodeCheck.MATCH);
        assertThat(issued.stored().check(code.substring(0, 4) + " " + code.substring(4), NOW, KEY)).isEqualTo(CodeCheck.MATCH);
        assertThat(issued.stored().check(code.substring(0, 4) + "-" + code.substring(4), NOW, KEY)).isEqualTo(CodeCheck.MATCH);
    }

    @Test
    @DisplayName("Given a wrong, short, long, empty or non-numeric code, then it does not match")
    void mismatch() {
        OneTimeCode.Issued issued = OneTimeCode.issue("email", 8, TTL, NOW, KEY);
        String code = issued.plain();
        String wrong = (code.charAt(0) == '0' ? "1" : "0") + code.substring(1);

        assertThat(issued.stored().check(wrong, NOW, KEY)).isEqualTo(CodeCheck.MISMATCH);
        assertThat(issued.stored().check(code.substring(1), NOW, KEY)).isEqualTo(CodeCheck.MISMATCH);
        assertThat(issued.stored().check(code + "0", NOW, KEY)).isEqualTo(CodeCheck.MISMATCH);
        assertThat(issued.stored().check("", NOW, KEY)).isEqualTo(CodeCheck.MISMATCH);
        assertThat(issued.stored().check(null, NOW, KEY)).isEqualTo(CodeCheck.MISMATCH);
        assertThat(issued.stored().check(code.substring(0, 7) + "x", NOW, KEY)).isEqualTo(CodeCheck.MISMATCH);
    }

    @Test
    @DisplayName("Given the right code after five minutes, then it has expired")
    void expired() {
        OneTimeCode.Issued issued = OneTimeCode.issue("email", 8, TTL, NOW, KEY);

        assertThat(issued.stored().check(issued.plain(), NOW + TTL.toMillis(), KEY)).isEqualTo(CodeCheck.MATCH);
        assertThat(issued.stored().check(issued.plain(), NOW + TTL.toMillis() + 1, KEY)).isEqualTo(CodeCheck.EXPIRED);
    }

    @Test
    @DisplayName("Given two codes issued in a row, then their salts differ and the first does not prove the second")
    void independentCodes() {
        OneTimeCode.Issued first = OneTimeCode.issue("email", 8, TTL, NOW, KEY);
        OneTimeCode.Issued second = OneTimeCode.issue("email", 8, TTL, NOW, KEY);

        assertThat(first.stored().salt()).isNotEqualTo(second.stored().salt());
        if (!first.plain().equals(second.plain())) {
            assertThat(second.stored().check(first.plain(), NOW, KEY)).isEqualTo(CodeCheck.MISMATCH);
        }
    }

    @Test
    @DisplayName("Given stored notes, then the code reads back identically; incomplete notes read as none")
    void notesRoundTrip() {
        OneTimeCode stored = OneTimeCode.issue("email", 8, TTL, NOW, KEY).stored();
        Map<String, String> notes = stored.toNotes();

        assertThat(OneTimeCode.fromNotes(notes::get)).contains(stored);
        notes.remove("sspr.code.hash");
        assertThat(OneTimeCode.fromNotes(notes::get)).isEmpty();
    }

    @Test
    @DisplayName("Given the right code checked with another realm key, or with the key gone, then it does not match")
    void keyBound() {
        OneTimeCode.Issued issued = OneTimeCode.issue("email", 8, TTL, NOW, KEY);

        assertThat(issued.stored().kid()).isEqualTo("kid-1");
        assertThat(issued.stored().check(issued.plain(), NOW, new DerivedKey("kid-1", "another".getBytes())))
                .isEqualTo(CodeCheck.MISMATCH);
        assertThat(issued.stored().check(issued.plain(), NOW, new DerivedKey("kid-2", KEY.bytes())))
                .isEqualTo(CodeCheck.MISMATCH);
        assertThat(issued.stored().check(issued.plain(), NOW, null)).isEqualTo(CodeCheck.MISMATCH);
    }
}
