package io.github.keycloaksspr.throttle;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The throttle figures on the verification step's settings form. Text fields, as Keycloak has no number control
 * for authenticator config; {@link ThrottleSettings#parse} checks what an admin typed.
 */
public final class ThrottleConfigProperties {

    private ThrottleConfigProperties() {
    }

    public static List<ProviderConfigProperty> build() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        add(builder, ThrottleSettings.FAILED_PROOFS_FIGURE,
                "Wrong codes, authenticator codes and security answers a user may give within the window below "
                        + "before self-service password reset is blocked for them.");
        add(builder, ThrottleSettings.FAILED_PROOFS_HOURS_FIGURE,
                "How long failed proofs count, and how long the block then lasts. Entra uses 24 hours.");
        add(builder, ThrottleSettings.CODE_TRIES_FIGURE,
                "Codes a user may submit per hour for one method, right or wrong.");
        add(builder, ThrottleSettings.EMAIL_CODES_FIGURE,
                "Codes sent by email to one user within any 10 minutes.");
        add(builder, ThrottleSettings.PHONE_SENDS_FIGURE,
                "Text messages and voice calls per hour, both per user and per phone number across all users "
                        + "(protects against toll fraud).");
        add(builder, ThrottleSettings.PHONE_SENDS_PER_IP_FIGURE,
                "Text messages and voice calls per hour requested from one IP address.");
        return builder.build();
    }

    private static void add(ProviderConfigurationBuilder builder, ThrottleSettings.Figure figure, String help) {
        builder.property().name(figure.key())
                .label(figure.label())
                .helpText(help + " " + figure.min() + " to " + figure.max() + "; default " + figure.fallback() + ".")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(figure.fallback()))
                .add();
    }
}
