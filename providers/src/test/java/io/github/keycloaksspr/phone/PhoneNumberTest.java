package io.github.keycloaksspr.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    @DisplayName("Given a US number, then the mask shows +1, fixed bullets and the last two digits")
    void masksUsNumber() {
        assertThat(new PhoneNumber("+14155550112", "").masked()).isEqualTo("+1 ••• ••• ••12");
    }

    @Test
    @DisplayName("Given numbers of different lengths in one country, then their masks have the same length")
    void maskHasFixedWidth() {
        String shortNumber = new PhoneNumber("+4930123456", "").masked();
        String longNumber = new PhoneNumber("+4915123456789", "").masked();

        assertThat(shortNumber).isEqualTo("+49 ••• ••• ••56");
        assertThat(longNumber).isEqualTo("+49 ••• ••• ••89");
        assertThat(shortNumber).hasSameSizeAs(longNumber);
    }

    @Test
    @DisplayName("Given a three-digit country code and an extension, then the mask shows neither more digits nor the extension")
    void maskKeepsExtensionOut() {
        PhoneNumber number = new PhoneNumber("+353861234567", "4711");

        assertThat(number.masked()).isEqualTo("+353 ••• ••• ••67");
        assertThat(number.hasExtension()).isTrue();
    }

    @Test
    @DisplayName("Given toString, then it prints the mask and never the full number or extension")
    void toStringHidesNumber() {
        PhoneNumber number = new PhoneNumber("+14155550112", "89");

        assertThat(number.toString()).isEqualTo("PhoneNumber[+1 ••• ••• ••12]")
                .doesNotContain("4155550112").doesNotContain("89");
    }
}
