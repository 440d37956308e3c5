package io.github.keycloaksspr.questions;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The security question settings, appended to the verification step's settings form. */
public final class QuestionConfigProperties {

    private QuestionConfigProperties() {
    }

    public static List<ProviderConfigProperty> build() {
        List<String> counts = List.of("3", "4", "5");
        return ProviderConfigurationBuilder.create()
                .property().name(QuestionSettings.TO_REGISTER)
                .label("Number of security questions required to register")
                .helpText("How many questions a user chooses and answers when registering security questions.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(counts)
                .defaultValue(String.valueOf(QuestionSettings.DEFAULT_TO_REGISTER))
                .add()
                .property().name(QuestionSettings.TO_RESET)
                .label("Number of security questions required to reset")
                .helpText("How many of their questions, drawn at random, a user answers during a reset. "
                        + "At most the number required to register.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(counts)
                .defaultValue(String.valueOf(QuestionSettings.DEFAULT_TO_RESET))
                .add()
                .property().name(QuestionSettings.CUSTOM)
                .label("Custom security questions")
                .helpText("Your own questions, offered next to the built-in ones: up to "
                        + QuestionSettings.MAX_CUSTOM_QUESTIONS + ", each at most "
                        + Question.MAX_CUSTOM_TEXT_LENGTH + " characters. They are shown as typed, in every "
                        + "language. Users who chose a question keep it as it was when they registered, even if it is "
                        + "edited or removed here.")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .add()
                .build();
    }
}
