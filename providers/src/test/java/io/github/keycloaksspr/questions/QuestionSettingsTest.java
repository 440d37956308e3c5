package io.github.keycloaksspr.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

class QuestionSettingsTest {

    @Test
    @DisplayName("Given no saved config, then users register 3 questions and answer 3, with no custom questions")
    void defaults() {
        QuestionSettings settings = QuestionSettings.parse(null);

        assertThat(settings.toRegister()).isEqualTo(3);
        assertThat(settings.toReset()).isEqualTo(3);
        assertThat(settings.customQuestions()).isEmpty();
        assertThat(settings.valid()).isTrue();
        assertThat(settings.catalogue().questions()).isEqualTo(QuestionCatalogue.builtIn().questions());
    }

    @Test
    @DisplayName("Given a complete valid config, then every value is read, custom questions trimmed and blanks skipped")
    void fullConfig() {
        QuestionSettings settings = QuestionSettings.parse(Map.of(
                QuestionSettings.TO_REGISTER, "5",
                QuestionSettings.TO_RESET, " 4 ",
                QuestionSettings.CUSTOM, " Our first mascot? ####Wie hieß unser erstes Büro?"));

        assertThat(settings.toRegister()).isEqualTo(5);
        assertThat(settings.toReset()).isEqualTo(4);
        assertThat(settings.customQuestions()).containsExactly("Our first mascot?", "Wie hieß unser erstes Büro?");
        assertThat(settings.problems()).isEmpty();
        assertThat(settings.catalogue().find(Question.custom("Our first mascot?").id())).isPresent();
    }

    @Test
    @DisplayName("Given counts outside 3..5 or not numbers, then the defaults apply and each problem is named")
    void countsOutOfRange() {
        QuestionSettings settings = QuestionSettings.parse(Map.of(
                QuestionSettings.TO_REGISTER, "6",
                QuestionSettings.TO_RESET, "two"));

        assertThat(settings.toRegister()).isEqualTo(3);
        assertThat(settings.toReset()).isEqualTo(3);
        assertThat(settings.problems()).containsExactly(
                "Number of security questions to register must be between 3 and 5.",
                "Number of security questions to reset must be between 3 and 5.");
        assertThat(QuestionSettings.parse(Map.of(QuestionSettings.TO_RESET, "2")).valid()).isFalse();
    }

    @Test
    @DisplayName("Given more questions to reset than to register, then reset asks as many as registered and says why")
    void resetMoreThanRegister() {
        QuestionSettings settings = QuestionSettings.parse(Map.of(
                QuestionSettings.TO_REGISTER, "3",
                QuestionSettings.TO_RESET, "5"));

        assertThat(settings.toReset()).isEqualTo(3);
        assertThat(settings.problems()).singleElement().asString()
                .isEqualTo("Number of security questions to reset (5) is more than the 3 questions users register.");
    }

    @Test
    @DisplayName("Given a custom question of 201 characters, then it is dropped and quoted in short; 200 are fine")
    void customTooLong() {
        String ok = "é".repeat(199) + "?";
        String tooLong = "x".repeat(201);

        QuestionSettings settings = QuestionSettings.parse(Map.of(QuestionSettings.CUSTOM, ok + "##" + tooLong));

        assertThat(settings.customQuestions()).containsExactly(ok);
        assertThat(settings.problems()).singleElement().asString()
                .isEqualTo("Custom security question \"" + "x".repeat(40) + "…\" is longer than 200 characters.");
    }

    @Test
    @DisplayName("Given the same custom question twice up to case and spacing, then the second is dropped")
    void customDuplicate() {
        QuestionSettings settings = QuestionSettings.parse(Map.of(QuestionSettings.CUSTOM,
                "Our first mascot?##our  FIRST mascot?"));

        assertThat(settings.customQuestions()).containsExactly("Our first mascot?");
        assertThat(settings.problems()).singleElement().asString()
                .isEqualTo("Custom security question \"our  FIRST mascot?\" is listed twice.");
    }

    @Test
    @DisplayName("Given 21 custom questions, then the first 20 are offered and the problem is named")
    void tooManyCustom() {
        List<String> texts = IntStream.rangeClosed(1, 21).mapToObj(i -> "Question number " + i + "?").toList();

        QuestionSettings settings = QuestionSettings.parse(Map.of(QuestionSettings.CUSTOM, String.join("##", texts)));

        assertThat(settings.customQuestions()).isEqualTo(texts.subList(0, 20));
        assertThat(settings.problems()).singleElement().asString().startsWith("At most 20 custom security questions");
    }

    @Test
    @DisplayName("Given the settings form, then it has the three keys, counts as lists and custom questions as a list of strings")
    void configProperties() {
        List<ProviderConfigProperty> properties = QuestionConfigProperties.build();

        assertThat(properties).extracting(ProviderConfigProperty::getName)
                .containsExactly(QuestionSettings.TO_REGISTER, QuestionSettings.TO_RESET, QuestionSettings.CUSTOM);
        assertThat(properties.get(0).getOptions()).containsExactly("3", "4", "5");
        assertThat(properties.get(1).getDefaultValue()).isEqualTo("3");
        assertThat(properties.get(2).getType()).isEqualTo(ProviderConfigProperty.MULTIVALUED_STRING_TYPE);
        assertThat(properties).allSatisfy(property -> assertThat(property.getHelpText()).isNotBlank());
    }
}
