package io.github.keycloaksspr.method;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.github.keycloaksspr.phone.PhoneNumber;

class PhoneCredentialsTest {

    @Test
    @DisplayName("Given stored phone data, then a known E.164 number and a digit extension are read")
    void reads() {
        assertThat(PhoneCredentials.parse("{\"number\":\"+14155550100\",\"extension\":\"89\"}"))
                .contains(new PhoneNumber("+14155550100", "89"));
        assertThat(PhoneCredentials.parse("{\"number\":\"+4930123456\"}"))
                .contains(new PhoneNumber("+4930123456", ""));
    }

    @Test
    @DisplayName("Given data that is not a usable phone, then nothing is read")
    void refuses() {
        assertThat(PhoneCredentials.parse(null)).isEmpty();
        assertThat(PhoneCredentials.parse("not json")).isEmpty();
        assertThat(PhoneCredentials.parse("{\"number\":\"4155550100\"}")).isEmpty();
        assertThat(PhoneCredentials.parse("{\"number\":\"+1415\"}")).isEmpty();
        assertThat(PhoneCredentials.parse("{\"number\":\"+1 415 555 0100\"}")).isEmpty();
        assertThat(PhoneCredentials.parse("{\"number\":\"+14155550100\",\"extension\":\"8a\"}")).isEmpty();
    }
}
