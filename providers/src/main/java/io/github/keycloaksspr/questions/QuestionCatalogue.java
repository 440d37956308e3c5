package io.github.keycloaksspr.questions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The questions users may choose from: the built-in ones, then the realm's own. Built-in questions ask about small
 * facts a person remembers for life but rarely posts: no mother's maiden name, birthplace or favourite colour.
 */
public final class QuestionCatalogue {

    /** Ids are stored with every registration: add new ones freely, never rename or remove one. */
    static final List<String> BUILT_IN_IDS = List.of(
            "first-stuffed-animal",
            "parents-met-city",
            "best-friend-nickname",
            "best-friend-street",
            "first-teacher",
            "first-manager",
            "first-concert",
            "first-album",
            "first-cinema-film",
            "first-book",
            "first-video-game",
            "first-trip-abroad",
            "first-sports-team",
            "first-meal-cooked",
            "first-car",
            "childhood-hero",
            "childhood-nickname",
            "childhood-dream-job",
            "disliked-childhood-food",
            "learned-to-swim",
            "maternal-grandparents-town",
            "oldest-cousin");

    private static final QuestionCatalogue BUILT_IN = new QuestionCatalogue(
            BUILT_IN_IDS.stream().map(Question::builtIn).toList());

    private final Map<String, Question> byId;

    private QuestionCatalogue(List<Question> questions) {
        Map<String, Question> map = new LinkedHashMap<>();
        questions.forEach(question -> map.putIfAbsent(question.id(), question));
        this.byId = Collections.unmodifiableMap(map);
    }

    public static QuestionCatalogue builtIn() {
        return BUILT_IN;
    }

    /** The built-in questions followed by the admin-defined ones; a blank or repeated text is skipped. */
    public static QuestionCatalogue of(List<String> customTexts) {
        List<Question> questions = new ArrayList<>(BUILT_IN.questions());
        customTexts.stream()
                .filter(text -> text != null && !text.isBlank())
                .map(Question::custom)
                .forEach(questions::add);
        return new QuestionCatalogue(questions);
    }

    /** Every question, built-in first, in a stable order. */
    public List<Question> questions() {
        return List.copyOf(byId.values());
    }

    public Optional<Question> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }
}
