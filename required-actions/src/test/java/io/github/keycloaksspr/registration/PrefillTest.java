package io.github.keycloaksspr.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;

import io.github.keycloaksspr.method.MethodKind.Factor;

@DisplayName("Contact data an admin pre-filled")
final class PrefillTest {

    @Test
    @DisplayName("Given a mobile, an office phone with extension and an address, then each is read and masked")
    void read() {
        UserModel user = user(Map.of(Prefill.MOBILE_PHONE, "+1 415 555 0123", Prefill.OFFICE_PHONE, "+14155550199",
                Prefill.OFFICE_EXTENSION, "42", Prefill.EMAIL, " Kim@Example.COM "));

        Map<Factor, Prefill.Value> values = Prefill.of(user);

        assertThat(values.get(Factor.MOBILE_PHONE))
                .isEqualTo(new Prefill.Value("+14155550123", "", "+1 \u2022\u2022\u2022 \u2022\u2022\u2022 \u2022\u202223"));
        assertThat(values.get(Factor.OFFICE_PHONE).extension()).isEqualTo("42");
        assertThat(values.get(Factor.EMAIL).destination()).isEqualTo("kim@example.com");
    }

    @Test
    @DisplayName("Given values that aren't numbers or addresses, or a toll-free number as mobile, then none counts")
    void ignored() {
        UserModel user = user(Map.of(Prefill.MOBILE_PHONE, "+18005550100", Prefill.OFFICE_PHONE, "call me",
                Prefill.EMAIL, "not-an-address"));

        assertThat(Prefill.of(user)).isEmpty();
        assertThat(Prefill.of(user(Map.of(Prefill.OFFICE_PHONE, "+14155550199", Prefill.OFFICE_EXTENSION, "4x2"))))
                .isEmpty();
    }

    private static UserModel user(Map<String, String> attributes) {
        UserModel user = mock(UserModel.class);
        attributes.forEach((name, value) -> when(user.getFirstAttribute(name)).thenReturn(value));
        return user;
    }
}
