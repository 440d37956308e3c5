package io.github.keycloaksspr.it.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.keycloaksspr.it.harness.AltchaSolver;
import io.github.keycloaksspr.it.harness.FormClient;
import io.github.keycloaksspr.it.harness.MailMessage;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.Page;

/**
 * Drives the reset flow over HTTP the way a browser without JavaScript would: one cookie jar, real forms, the
 * CAPTCHA solved as the widget solves it, the code read from the mail GreenMail received.
 */
public final class ResetJourney {

    static final Pattern EMAIL_CODE = Pattern.compile("\\b(\\d{8})\\b");
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(20);

    private final FormClient client;
    private final String realm;
    private final MailServer mail;

    public ResetJourney(String baseUrl, String realm, MailServer mail) {
        this.client = new FormClient(baseUrl);
        this.realm = realm;
        this.mail = mail;
    }

    public FormClient client() {
        return client;
    }

    public Page start() {
        Page page = client.startResetFlow(realm);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().selectFirst("#sspr-choose-user-form")).as("choose-user form").isNotNull();
        return page;
    }

    public Page chooseUser(Page page, String username) {
        return page.form("#sspr-choose-user-form")
                .submit(Map.of("username", username, AltchaSolver.FIELD, AltchaSolver.solve(page)));
    }

    /** Starts a flow and names the user; for an eligible user this is the method page. */
    public Page startAs(String username) {
        return chooseUser(start(), username);
    }

    /** Presses the button of {@code methodId} on the method page. */
    public Page choose(Page methods, String methodId) {
        return methods.form("#sspr-methods-form").submit("sspr-method", methodId, Map.of());
    }

    /** Enters a code from the authenticator app on its page. */
    public Page enterAppCode(Page appPage, String code) {
        assertThat(appPage.document().selectFirst("#sspr-app-form")).as("app code form: %s", appPage.text())
                .isNotNull();
        return appPage.form("#sspr-app-form").submit("sspr-action", "verify", Map.of("code", code));
    }

    public Page chooseEmail(Page methods) {
        return methods.form("#sspr-methods-form").submit("sspr-method", "email", Map.of());
    }

    /** Picks email on the method page and returns the code page plus the code that arrived by mail. */
    public CodeSent sendEmailCode(Page methods, String address) {
        int before = mail.messagesTo(address).size();
        Page codePage = chooseEmail(methods);
        assertThat(codePage.document().selectFirst("#sspr-code-form")).as("code form after choosing email: %s",
                codePage.text()).isNotNull();
        List<MailMessage> messages = mail.awaitMessagesTo(address, before + 1, MAIL_TIMEOUT);
        return new CodeSent(codePage, codeIn(messages.get(messages.size() - 1)));
    }

    public Page enterCode(Page codePage, String code) {
        return codePage.form("#sspr-code-form").submit("sspr-action", "verify", Map.of("code", code));
    }

    public Page codeAction(Page codePage, String action) {
        return codePage.form("#sspr-code-form").submit("sspr-action", action, Map.of("code", ""));
    }

    public Page newPassword(Page page, String password, String confirmation) {
        return page.form("#sspr-new-password-form")
                .submit(Map.of("password-new", password, "password-confirm", confirmation));
    }

    static String codeIn(MailMessage message) {
        Matcher matcher = EMAIL_CODE.matcher(message.text());
        assertThat(matcher.find()).as("an 8-digit code in: %s", message.text()).isTrue();
        return matcher.group(1);
    }

    public record CodeSent(Page page, String code) {
    }
}
