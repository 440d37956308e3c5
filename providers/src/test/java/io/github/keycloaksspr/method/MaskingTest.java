package io.github.keycloaksspr.method;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    @DisplayName("Given an address, then only its first and last letters and the domain show")
    void email() {
        assertThat(Masking.email("testuser@sspr-demo.test")).isEqualTo("t\u2022\u2022\u2022r@sspr-demo.test");
    }

    @Test
    @DisplayName("Given local parts of different lengths, then the mask has the same width")
    void fixedWidth() {
        assertThat(Masking.email("ab@x.org")).isEqualTo("a\u2022\u2022\u2022@x.org");
        assertThat(Masking.email("abc@x.org")).isEqualTo("a\u2022\u2022\u2022c@x.org");
        assertThat(Masking.email("averyveryverylongname@x.org")).isEqualTo("a\u2022\u2022\u2022e@x.org");
    }

    @Test
    @DisplayName("Given non-ASCII letters, then whole characters are kept, never half a surrogate pair")
    void unicode() {
        assertThat(Masking.email("\uD83D\uDE00bob\uD83D\uDE03@x.org")).isEqualTo("\uD83D\uDE00\u2022\u2022\u2022\uD83D\uDE03@x.org");
    }

    @Test
    @DisplayName("Given something that is not an address, then nothing of it shows")
    void malformed() {
        assertThat(Masking.email(null)).isEqualTo(Masking.BULLETS);
        assertThat(Masking.email("no-at-sign")).isEqualTo(Masking.BULLETS);
        assertThat(Masking.email("@x.org")).isEqualTo(Masking.BULLETS);
        assertThat(Masking.email("user@")).isEqualTo(Masking.BULLETS);
    }
}
