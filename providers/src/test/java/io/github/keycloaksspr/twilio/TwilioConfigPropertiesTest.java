package io.github.keycloaksspr.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

class TwilioConfigPropertiesTest {

    @Test
    @DisplayName("Given the settings form, then it has every key the parser reads and hides only the token")
    void everyKeyOnceTokenSecret() {
        List<ProviderConfigProperty> properties = TwilioConfigProperties.build();

        assertThat(properties).extracting(ProviderConfigProperty::getName).containsExactly(
                TwilioSettings.ACCOUNT_SID, TwilioSettings.AUTH_TOKEN, TwilioSettings.FROM, TwilioSettings.TIMEOUT,
                TwilioSettings.API_BASE_URL);
        assertThat(properties).filteredOn(ProviderConfigProperty::isSecret)
                .extracting(ProviderConfigProperty::getName).containsExactly(TwilioSettings.AUTH_TOKEN);
        assertThat(properties).filteredOn(p -> p.getName().equals(TwilioSettings.AUTH_TOKEN))
                .extracting(ProviderConfigProperty::getType).containsExactly(ProviderConfigProperty.PASSWORD);
        assertThat(properties).allSatisfy(p -> assertThat(p.getLabel()).isNotBlank())
                .allSatisfy(p -> assertThat(p.getHelpText()).isNotBlank());
    }
}
