package io.github.keycloaksspr.it.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.keycloaksspr.it.harness.FormClient;
import io.github.keycloaksspr.it.harness.MailMessage;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.Page;
import io.github.keycloaksspr.it.harness.TestUser;

/**
 * Signs in to a realm's account console over HTTP, as a browser without JavaScript would, and drives the
 * registration pages that may interrupt it.
 */
final class SignIn {

    static final String REGISTER_FORM = "#sspr-register-form";
    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\b(\\d{8})\\b");
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(20);

    private final FormClient client;
    private final String baseUrl;
    private final String realm;

    SignIn(String baseUrl, String realm) {
        this.client = new FormClient(baseUrl);
        this.baseUrl = baseUrl;
        this.realm = realm;
    }

    /** Submits the sign-in form; the page after it is the registration page, or the account console. */
    Page as(String username) {
        return as(username, TestUser.DEFAULT_PASSWORD);
    }

    Page as(String username, String password) {
        Page login = client.get(client.authorizationUrl(realm));
        assertThat(login.document().selectFirst("#kc-form-login")).as("sign-in page: %s", login.text()).isNotNull();
        return login.form("#kc-form-login").submit(Map.of("username", username, "password", password));
    }

    /** Whether sign-in went through to the account console, which got its authorization code. */
    boolean signedIn(Page page) {
        return page.status() == 200 && page.url().toString().startsWith(baseUrl + "/realms/" + realm + "/account/")
                && page.document().selectFirst(REGISTER_FORM) == null
                && page.document().selectFirst("#kc-form-login") == null;
    }

    static boolean prompted(Page page) {
        return page.document().selectFirst(REGISTER_FORM) != null;
    }

    /** Presses a button of the page's one form. */
    static Page press(Page page, String formSelector, String action, Map<String, String> fields) {
        assertThat(page.document().selectFirst(formSelector)).as("%s on: %s", formSelector, page.text()).isNotNull();
        return page.form(formSelector).submit("sspr-action", action, fields);
    }

    static Page overview(Page page, String action) {
        return press(page, REGISTER_FORM, action, Map.of());
    }

    /** From the overview: sets up an authentication email, reading the code from the mail that arrives. */
    static Page registerEmail(Page overview, MailServer mail, String address) {
        Page entry = overview(overview, "setup:email");
        int before = mail.messagesTo(address).size();
        Page codePage = press(entry, "#sspr-register-email-form", "send", Map.of("sspr-email", address));
        String code = emailCode(mail.awaitMessagesTo(address, before + 1, MAIL_TIMEOUT));
        return press(codePage, "#sspr-register-code-form", "verify", Map.of("code", code));
    }

    static String emailCode(List<MailMessage> messages) {
        Matcher matcher = EIGHT_DIGITS.matcher(messages.get(messages.size() - 1).text());
        assertThat(matcher.find()).as("an 8-digit code in the mail").isTrue();
        return matcher.group(1);
    }

    /** From the overview: registers three questions with distinct answers. */
    static Page registerQuestions(Page overview, Map<String, String> answers) {
        Page form = overview(overview, "setup:security-questions");
        Map<String, String> fields = new java.util.HashMap<>();
        int slot = 1;
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            fields.put("sspr-question-" + slot, answer.getKey());
            fields.put("sspr-answer-" + slot, answer.getValue());
            slot++;
        }
        return press(form, "#sspr-register-questions-form", "save", fields);
    }
}
