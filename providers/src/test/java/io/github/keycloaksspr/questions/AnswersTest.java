package io.github.keycloaksspr.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnswersTest {

    private static final Question CONCERT = Question.builtIn("first-concert");
    private static final Question ALBUM = Question.builtIn("first-album");
    private static final Question BOOK = Question.builtIn("first-book");
    private static final Question PET = Question.custom("Pet?");
    private static final Function<Question, String> TEXTS = question -> QuestionTexts.resolve(question, english());

    @Test
    @DisplayName("Given full-width letters, ligatures, mixed case and odd spacing, then they normalise to plain lower case")
    void normalisation() {
        assertThat(Answers.normalise("ＴＨＲＩＬＬＥＲ")).isEqualTo("thriller");
        assertThat(Answers.normalise("ﬁsh ﬀ")).isEqualTo("fish ff");
        assertThat(Answers.normalise("  Die\tÄrzte \u00a0 Köln  ")).isEqualTo("die ärzte köln");
        assertThat(Answers.normalise("Ⅻ")).isEqualTo("xii");
        assertThat(Answers.normalise("e\u0301")).isEqualTo("é");
        assertThat(Answers.normalise(null)).isEmpty();
    }

    @Test
    @DisplayName("Given case folding, then it ignores the server's locale, so a Turkish server hashes the same")
    void localeIndependentCase() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(Answers.normalise("ISTANBUL")).isEqualTo("istanbul");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    @DisplayName("Given unicode answers, then length counts characters, not UTF-16 units")
    void unicodeLengths() {
        assertThat(Answers.problem("Ærøskøbing")).isEmpty();
        assertThat(Answers.normalise("Ærøskøbing")).isEqualTo("ærøskøbing");
        assertThat(Answers.problem("東京")).contains(Answers.TOO_SHORT);
        assertThat(Answers.problem("東京都")).isEmpty();
        assertThat(Answers.problem("🐶🐱🐭")).isEmpty();
        assertThat(Answers.problem("🐶".repeat(40))).isEmpty();
        assertThat(Answers.problem("🐶".repeat(41))).contains(Answers.TOO_LONG);
        // one character typed, three after NFKC: the rule applies to what is hashed
        assertThat(Answers.problem("ﬃ")).isEmpty();
    }

    @Test
    @DisplayName("Given blank, short, long or control-character answers, then each gets its own problem")
    void singleAnswerProblems() {
        assertThat(Answers.problem(null)).contains(Answers.MISSING);
        assertThat(Answers.problem("   ")).contains(Answers.MISSING);
        assertThat(Answers.problem(" ab ")).contains(Answers.TOO_SHORT);
        assertThat(Answers.problem("a  b")).isEmpty();
        assertThat(Answers.problem("x".repeat(40))).isEmpty();
        assertThat(Answers.problem("x".repeat(41))).contains(Answers.TOO_LONG);
        assertThat(Answers.problem("abc\u0000")).contains(Answers.INVALID_CHARACTERS);
        assertThat(Answers.problem("ab\ncd")).contains(Answers.INVALID_CHARACTERS);
        assertThat(Answers.problem("ab\ud800cd")).contains(Answers.INVALID_CHARACTERS);
    }

    @Test
    @DisplayName("Given three distinct questions with distinct valid answers, then the registration has no problems")
    void validRegistration() {
        assertThat(Answers.registrationProblems(List.of(
                new QuestionAnswer(CONCERT, "Die Ärzte"),
                new QuestionAnswer(ALBUM, "Thriller"),
                new QuestionAnswer(PET, "Captain Fluff")), TEXTS)).isEmpty();
    }

    @Test
    @DisplayName("Given fewer than 3 or more than 5 questions, then the count is wrong")
    void wrongCount() {
        assertThat(Answers.registrationProblems(List.of(
                new QuestionAnswer(CONCERT, "Die Ärzte"),
                new QuestionAnswer(ALBUM, "Thriller")), TEXTS))
                .containsExactly(new AnswerProblem(null, Answers.WRONG_COUNT));
    }

    @Test
    @DisplayName("Given a question twice, then the second is marked and its answer not checked further")
    void questionTwice() {
        assertThat(Answers.registrationProblems(List.of(
                new QuestionAnswer(CONCERT, "Die Ärzte"),
                new QuestionAnswer(ALBUM, "Thriller"),
                new QuestionAnswer(CONCERT, "Die Ärzte")), TEXTS))
                .containsExactly(new AnswerProblem(CONCERT.id(), Answers.REPEATED_QUESTION));
    }

    @Test
    @DisplayName("Given the same answer twice up to case and spacing, then the second is marked")
    void answerTwice() {
        assertThat(Answers.registrationProblems(List.of(
                new QuestionAnswer(CONCERT, "Die Ärzte"),
                new QuestionAnswer(ALBUM, "Thriller"),
                new QuestionAnswer(BOOK, "  die   ÄRZTE")), TEXTS))
                .containsExactly(new AnswerProblem(BOOK.id(), Answers.REPEATED_ANSWER));
    }

    @Test
    @DisplayName("Given an answer that is or contains its question, then it is marked; its question mark does not matter")
    void answerContainsQuestion() {
        assertThat(Answers.registrationProblems(List.of(
                new QuestionAnswer(CONCERT, "Die Ärzte"),
                new QuestionAnswer(ALBUM, "Thriller"),
                new QuestionAnswer(PET, "my PET is Rex")), TEXTS))
                .containsExactly(new AnswerProblem(PET.id(), Answers.CONTAINS_QUESTION));
        assertThat(Answers.repeatsQuestion("what was the first concert you went to",
                "What was the first concert you went to?")).isTrue();
        assertThat(Answers.repeatsQuestion("carpet", "")).isFalse();
    }

    @Test
    @DisplayName("Given invalid answers, then every problem is listed in form order")
    void problemsInFormOrder() {
        assertThat(Answers.registrationProblems(List.of(
                new QuestionAnswer(CONCERT, ""),
                new QuestionAnswer(ALBUM, "ab"),
                new QuestionAnswer(BOOK, "x".repeat(41))), TEXTS))
                .extracting(AnswerProblem::messageKey)
                .containsExactly(Answers.MISSING, Answers.TOO_SHORT, Answers.TOO_LONG);
    }

    @Test
    @DisplayName("Given a question and answer, then its string form leaves the answer out")
    void answerNotInToString() {
        assertThat(new QuestionAnswer(CONCERT, "Die Ärzte")).asString().doesNotContain("Ärzte").contains(CONCERT.id());
    }

    private static Properties english() {
        Properties messages = new Properties();
        messages.setProperty(CONCERT.messageKey(), "What was the first concert you went to?");
        messages.setProperty(ALBUM.messageKey(), "What was the first album you bought?");
        messages.setProperty(BOOK.messageKey(), "What was the first book you read on your own?");
        return messages;
    }
}
