package io.github.keycloaksspr.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuestionCatalogueTest {

    private static final Path MESSAGES = Path.of("..", "themes", "src", "main", "resources", "theme-resources",
            "messages");

    @Test
    @DisplayName("Given the built-in catalogue, then it offers at least 20 questions with distinct ids and keys")
    void builtInQuestions() {
        List<Question> questions = QuestionCatalogue.builtIn().questions();

        assertThat(questions).hasSizeGreaterThanOrEqualTo(20);
        assertThat(questions).extracting(Question::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z]+(-[a-z]+)*"));
        assertThat(questions).allSatisfy(question -> {
            assertThat(question.isCustom()).isFalse();
            assertThat(question.messageKey()).isEqualTo("ssprQuestion_" + question.id());
        });
    }

    @Test
    @DisplayName("Given the English and German messages, then every built-in question and answer rule has a text in both")
    void everyKeyTranslated() throws IOException {
        List<String> keys = new ArrayList<>(QuestionCatalogue.builtIn().questions().stream()
                .map(Question::messageKey).toList());
        keys.addAll(List.of(Answers.MISSING, Answers.TOO_SHORT, Answers.TOO_LONG, Answers.INVALID_CHARACTERS,
                Answers.REPEATED_ANSWER, Answers.CONTAINS_QUESTION, Answers.REPEATED_QUESTION, Answers.WRONG_COUNT,
                "ssprSecurityQuestionsDisplayName", "ssprSecurityQuestionsHelpText", "ssprQuestionsInstruction",
                "ssprQuestionsWrong"));

        for (String language : List.of("en", "de")) {
            Properties messages = messages(language);
            assertThat(keys).as(language).allSatisfy(key -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
        }
        assertThat(messages("de").getProperty("ssprQuestion_first-stuffed-animal")).isEqualTo("Wie hieß Ihr erstes Kuscheltier?");
    }

    @Test
    @DisplayName("Given admin-defined questions, then they follow the built-in ones with ids from their text's SHA-256")
    void customQuestions() throws Exception {
        QuestionCatalogue catalogue = QuestionCatalogue.of(List.of("  What was our team's first mascot? ", "", "Wer?"));

        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest("What was our team's first mascot?".getBytes(StandardCharsets.UTF_8));
        String id = "custom-" + HexFormat.of().formatHex(digest).substring(0, 8);
        assertThat(catalogue.questions()).hasSize(QuestionCatalogue.builtIn().questions().size() + 2);
        assertThat(catalogue.find(id)).hasValueSatisfying(question -> {
            assertThat(question.customText()).isEqualTo("What was our team's first mascot?");
            assertThat(question.messageKey()).isNull();
        });
        assertThat(catalogue.questions().get(0)).isEqualTo(QuestionCatalogue.builtIn().questions().get(0));
        assertThat(catalogue.find("first-concert")).contains(Question.builtIn("first-concert"));
        assertThat(catalogue.find("custom-00000000")).isEmpty();
        assertThat(catalogue.find(null)).isEmpty();
    }

    private static Properties messages(String language) throws IOException {
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(MESSAGES.resolve("messages_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        return messages;
    }
}
