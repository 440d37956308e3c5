package io.github.keycloaksspr.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "\"{0}\" in {1} is {2} ext. \"{3}\"")
    @CsvSource(delimiter = '|', value = {
        "+1 415 555 0100          | ''  | +14155550100  | ''",
        "(415) 555-0100           | US  | +14155550100  | ''",
        "415.555.0100             | us  | +14155550100  | ''",
        "+49 30 1234567 ext. 89   | ''  | +49301234567  | 89",
        "030 1234567 x89          | DE  | +49301234567  | 89",
        "+44 20 7946 0958         | US  | +442079460958 | ''",
        "0044 20 7946 0958        | DE  | +442079460958 | ''",
        "+49 151 23456789         | ''  | +4915123456789| ''",
    })
    @DisplayName("Given a number as people type it, then it is normalised to E.164 with its extension")
    void normalises(String raw, String region, String e164, String extension) {
        ParsedPhone parsed = PhoneNumbers.parse(raw, region);

        assertThat(parsed.problem()).isEmpty();
        assertThat(parsed.number()).contains(new PhoneNumber(e164, extension));
    }

    @ParameterizedTest(name = "\"{0}\" in \"{1}\" is refused as {2}")
    @CsvSource(delimiter = '|', value = {
        "''                                  | US | EMPTY",
        "'   '                               | US | EMPTY",
        "+1 415 555 0100 0000000000000000000 | '' | TOO_LONG",
        "1-800-FLOWERS                       | US | LETTERS",
        "+1 415 555 CALL                     | '' | LETTERS",
        "call me on 4155550100               | US | LETTERS",
        "(415) 555-0100                      | '' | UNKNOWN_COUNTRY",
        "+999 1234 5678                      | '' | UNKNOWN_COUNTRY",
        "+1 415 555                          | '' | INVALID",
        "+1 011 555 0100                     | '' | INVALID",
        "+49 30                              | '' | INVALID",
        "---                                 | US | INVALID",
    })
    @DisplayName("Given an impossible, foreign-less, lettered or overlong number, then it is refused with the reason")
    void refuses(String raw, String region, PhoneProblem problem) {
        ParsedPhone parsed = PhoneNumbers.parse(raw, region);

        assertThat(parsed.number()).isEmpty();
        assertThat(parsed.problem()).contains(problem);
        assertThat(parsed.valid()).isFalse();
    }

    @Test
    @DisplayName("Given null input, then it is refused as empty")
    void nullInput() {
        assertThat(PhoneNumbers.parse(null, "US").problem()).contains(PhoneProblem.EMPTY);
    }

    @Test
    @DisplayName("Given exactly 32 characters, then it is parsed; one more and it is refused as too long")
    void lengthLimitIsInclusive() {
        String raw = "+49 30 1234567 extension 1234567";

        assertThat(raw).hasSize(PhoneNumbers.MAX_LENGTH);
        assertThat(PhoneNumbers.parse(raw, null).problem()).isEmpty();
        assertThat(PhoneNumbers.parse(raw + "8", null).problem()).contains(PhoneProblem.TOO_LONG);
    }

    @Test
    @DisplayName("Given a German mobile, a US number and a German landline, then only the landline cannot take SMS")
    void mobileCapable() {
        assertThat(PhoneNumbers.isMobileCapable(parse("+49 151 23456789"))).isTrue();
        // US ranges do not tell mobile from landline, and such numbers must stay usable
        assertThat(PhoneNumbers.isMobileCapable(parse("+1 415 555 0100"))).isTrue();
        assertThat(PhoneNumbers.isMobileCapable(parse("+49 30 1234567"))).isFalse();
        assertThat(PhoneNumbers.isMobileCapable(parse("+1 800 555 0100"))).isFalse();
    }

    @Test
    @DisplayName("Given a record built by hand, then only E.164 and digit extensions are accepted")
    void recordGuards() {
        assertThat(new PhoneNumber("+14155550100", null).extension()).isEmpty();
        assertThatThrownBy(() -> new PhoneNumber("4155550100", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumber("+14155550100", "w9#")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumber("+14155550100", "12345678901"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PhoneNumber parse(String raw) {
        return PhoneNumbers.parse(raw, null).number().orElseThrow();
    }
}
