package io.github.keycloaksspr.twilio;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The Twilio part of the verification step's settings form; {@link TwilioSettings} checks what is saved. */
public final class TwilioConfigProperties {

    private TwilioConfigProperties() {
    }

    public static List<ProviderConfigProperty> build() {
        return ProviderConfigurationBuilder.create()
                .property().name(TwilioSettings.ACCOUNT_SID)
                .label("Twilio account SID")
                .helpText("The account that sends texts and places calls: AC followed by 32 characters, from the "
                        + "Twilio console.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property().name(TwilioSettings.AUTH_TOKEN)
                .label("Twilio auth token")
                .helpText("The account's auth token, or a vault reference such as ${vault.twilio_token}.")
                .type(ProviderConfigProperty.PASSWORD)
                .secret(true)
                .add()
                .property().name(TwilioSettings.FROM)
                .label("Twilio sender")
                .helpText("A Twilio phone number in international form (+14155550100), or a Messaging Service SID "
                        + "(MG...). Voice calls need a phone number.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property().name(TwilioSettings.TIMEOUT)
                .label("Twilio timeout (seconds)")
                .helpText("How long to wait for Twilio to accept a text or call: "
                        + TwilioSettings.MIN_TIMEOUT_SECONDS + " to " + TwilioSettings.MAX_TIMEOUT_SECONDS
                        + " seconds.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(TwilioSettings.DEFAULT_TIMEOUT_SECONDS))
                .add()
                .property().name(TwilioSettings.API_BASE_URL)
                .label("Twilio API base URL")
                .helpText("Leave empty to use Twilio. Set only to send Twilio's requests through a compatible "
                        + "gateway or a test server.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .build();
    }
}
