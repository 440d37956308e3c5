package io.github.keycloaksspr.registration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.ws.rs.core.Response;

import org.keycloak.theme.Theme;

import io.github.keycloaksspr.method.MethodKind.Factor;
import io.github.keycloaksspr.questions.AnswerProblem;
import io.github.keycloaksspr.questions.Question;
import io.github.keycloaksspr.questions.QuestionCatalogue;
import io.github.keycloaksspr.questions.QuestionTexts;
import io.github.keycloaksspr.questions.SecurityQuestionsCredentialProvider;

/**
 * The security questions form: the number of questions the realm asks users to register, each picked from the
 * built-in and the admin's questions, each with an answer. Entra's rules (distinct questions and answers, 3 to 40
 * characters, no answer that repeats its question) are checked by the credential provider, which stores only
 * hashes; what the user typed is never shown back.
 */
final class QuestionsSetup {

    static final String TEMPLATE = "sspr-register-questions.ftl";
    static final String QUESTION_FIELD = "sspr-question-";
    static final String ANSWER_FIELD = "sspr-answer-";
    private static final int MAX_ANSWER_FIELD = 200;

    private QuestionsSetup() {
    }

    static Response page(Registering registering, List<PageLine> lines, Map<Integer, String> chosen) {
        registering.state().showing(Factor.SECURITY_QUESTIONS.id());
        Properties messages = messages(registering);
        List<Map<String, String>> options = new ArrayList<>();
        for (Question question : catalogue(registering).questions()) {
            options.add(Map.of("id", question.id(), "text", QuestionTexts.resolve(question, messages)));
        }
        List<Map<String, Object>> slots = new ArrayList<>();
        for (int i = 1; i <= count(registering); i++) {
            Map<String, Object> slot = new HashMap<>();
            slot.put("questionField", QUESTION_FIELD + i);
            slot.put("answerField", ANSWER_FIELD + i);
            slot.put("chosen", chosen.getOrDefault(i, ""));
            slots.add(slot);
        }
        var form = registering.form()
                .setAttribute("ssprQuestionOptions", options)
                .setAttribute("ssprQuestionSlots", slots);
        lines.forEach(line -> line.applyTo(form));
        return form.createForm(TEMPLATE);
    }

    static Response process(Registering registering, String action) {
        if ("back".equals(action)) {
            return Overview.show(registering, PageLine.NONE);
        }
        if (!"save".equals(action)) {
            return page(registering, List.of(), Map.of());
        }
        QuestionCatalogue catalogue = catalogue(registering);
        Map<Integer, String> chosen = new HashMap<>();
        Map<Question, String> answers = new LinkedHashMap<>();
        Map<String, Integer> slotOf = new HashMap<>();
        List<PageLine> problems = new ArrayList<>();
        for (int i = 1; i <= count(registering); i++) {
            String id = registering.field(QUESTION_FIELD + i, 64);
            chosen.put(i, id);
            Optional<Question> question = catalogue.find(id);
            if (question.isEmpty()) {
                problems.add(PageLine.fieldError(ANSWER_FIELD + i, "ssprRegisterQuestionMissing"));
            } else if (slotOf.putIfAbsent(id, i) != null) {
                problems.add(PageLine.fieldError(ANSWER_FIELD + i, "ssprQuestionRepeated"));
            } else {
                answers.put(question.get(), registering.field(ANSWER_FIELD + i, MAX_ANSWER_FIELD));
            }
        }
        if (!problems.isEmpty()) {
            return page(registering, problems, chosen);
        }
        List<AnswerProblem> refused = SecurityQuestionsCredentialProvider.of(registering.session())
                .register(registering.realm(), registering.user(), answers, messages(registering));
        if (!refused.isEmpty()) {
            for (AnswerProblem problem : refused) {
                Integer slot = problem.questionId() == null ? null : slotOf.get(problem.questionId());
                problems.add(slot == null ? PageLine.error(problem.messageKey())
                        : PageLine.fieldError(ANSWER_FIELD + slot, problem.messageKey()));
            }
            registering.refused(Factor.SECURITY_QUESTIONS, "answers_refused");
            return page(registering, problems, chosen);
        }
        registering.registered(Factor.SECURITY_QUESTIONS);
        return Overview.afterSetup(registering, Factor.SECURITY_QUESTIONS);
    }

    private static int count(Registering registering) {
        return registering.policy().questions().toRegister();
    }

    private static QuestionCatalogue catalogue(Registering registering) {
        return registering.policy().questions().catalogue();
    }

    /** The messages the questions are shown in, which the "answer repeats its question" rule compares with. */
    private static Properties messages(Registering registering) {
        Locale locale = registering.session().getContext().resolveLocale(registering.user());
        try {
            return registering.session().theme().getTheme(Theme.Type.LOGIN)
                    .getEnhancedMessages(registering.realm(), locale);
        } catch (IOException e) {
            return new Properties();
        }
    }
}
