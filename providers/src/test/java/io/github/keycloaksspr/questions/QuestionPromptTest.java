package io.github.keycloaksspr.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuestionPromptTest {

    @Test
    @DisplayName("Given drawn questions, then each prompt has field sspr-answer-<i> and its text in the user's language")
    void prompts() {
        Properties german = new Properties();
        german.setProperty("ssprQuestion_first-concert", "Welches war das erste Konzert, das Sie besucht haben?");
        Question custom = Question.custom("Unser erstes Maskottchen?");

        List<QuestionPrompt> prompts = QuestionPrompt.of(List.of(Question.builtIn("first-concert"), custom), german);

        assertThat(prompts).extracting(QuestionPrompt::getField).containsExactly("sspr-answer-0", "sspr-answer-1");
        assertThat(prompts).extracting(QuestionPrompt::getText)
                .containsExactly("Welches war das erste Konzert, das Sie besucht haben?", "Unser erstes Maskottchen?");
        assertThat(QuestionPrompt.fieldName(2)).isEqualTo("sspr-answer-2");
    }

    @Test
    @DisplayName("Given a theme without the question's message, then the key shows, as FreeMarker's msg would")
    void missingMessage() {
        assertThat(QuestionTexts.resolve(Question.builtIn("first-book"), new Properties()))
                .isEqualTo("ssprQuestion_first-book");
        assertThatThrownBy(() -> QuestionPrompt.of(-1, Question.builtIn("first-book"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
