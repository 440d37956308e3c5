package io.github.keycloaksspr.it.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.github.keycloaksspr.it.harness.AuditQuery;
import io.github.keycloaksspr.it.harness.Browser;
import io.github.keycloaksspr.it.harness.KeycloakAdmin;
import io.github.keycloaksspr.it.harness.KeycloakServer;
import io.github.keycloaksspr.it.harness.KeycloakSuite;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.ProvisionedRealm;
import io.github.keycloaksspr.it.harness.RealmFixture;
import io.github.keycloaksspr.it.harness.SsprPolicy;
import io.github.keycloaksspr.it.harness.TestUser;

/**
 * The "done when" as a person does it in headless Chromium: a user with nothing registered signs in to the
 * account console, is walked through registering an authentication email and security questions, reaches the
 * console, signs out, and resets the password by self-service with the email just registered. A screenshot of every
 * page lands in target/screenshots (registration-*.png).
 */
@ExtendWith(KeycloakSuite.class)
@DisplayName("Registration, then a self-service reset, in a real browser")
final class RegistrationBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String USERNAME = "rosa";
    /** Not the account's address: Entra's authentication email may be any address the user can read. */
    private static final String AUTH_EMAIL = "rosa.private@mail.test";
    private static final String MASKED_AUTH_EMAIL = "r\u2022\u2022\u2022e@mail.test";
    private static final String NEW_PASSWORD = "Registered-Passw0rd!";
    /** Question ids of the built-in catalogue, with answers; the form asks for as many as the realm wants. */
    private static final List<Map.Entry<String, String>> ANSWERS = List.of(
            Map.entry("first-stuffed-animal", "Mr Fluffy"),
            Map.entry("parents-met-city", "Aer\u00f8sk\u00f8bing"),
            Map.entry("first-concert", "Die \u00c4rzte"),
            Map.entry("first-teacher", "Frau M\u00fcller"),
            Map.entry("best-friend-nickname", "Bibi"));

    private static ProvisionedRealm realm;

    @BeforeAll
    static void createRealm(KeycloakAdmin admin, MailServer mail) {
        realm = RealmFixture.named(RealmFixture.uniqueName("register-browser"))
                .displayName("Contoso")
                .mailTo(mail)
                // the account's address is unverified, so it is no reset method: the user holds nothing
                .user(TestUser.named(USERNAME).withEmailVerified(false))
                .policy(SsprPolicy.forEveryone().withMethods("email##security-questions")
                        .withHelpdesk("https://helpdesk.contoso.test/sspr"))
                .registration(Map.of("sspr.register.methods-required", "2"))
                .create(admin);
    }

    @Test
    @DisplayName("Given a user with nothing registered, then sign-in walks them through registering an email and "
            + "security questions, and that email then resets their password by self-service")
    void registerThenReset(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        try (Browser browser = Browser.desktop()) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            browser.open(server.accountConsoleUrl(realm.name()));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
            browser.screenshot("registration-01-sign-in");
            signIn(driver, TestUser.DEFAULT_PASSWORD);

            // the overview: nothing set up, two methods needed, no "Done" yet
            awaitOverview(wait);
            browser.screenshot("registration-02-overview");
            assertThat(driver.findElement(By.id("sspr-register-title")).getText()).isEqualTo("Keep your account secure");
            assertThat(driver.findElement(By.id("sspr-register-status")).getText())
                    .isEqualTo("You have set up 0 of the 2 methods you need.");
            assertThat(state(driver, "email")).isEqualTo("missing");
            assertThat(state(driver, "security-questions")).isEqualTo("missing");
            assertThat(driver.findElements(By.id("sspr-register-done"))).isEmpty();
            assertNoRawKeys(driver);

            // authentication email: the address, then the code that went there
            driver.findElement(By.id("sspr-setup-email")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-register-email-form")));
            driver.findElement(By.name("sspr-email")).sendKeys(AUTH_EMAIL);
            browser.screenshot("registration-03-email-entry");
            assertNoRawKeys(driver);
            int before = mail.messagesTo(AUTH_EMAIL).size();
            driver.findElement(By.id("sspr-register-send")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-register-code-form")));
            assertThat(driver.findElement(By.id("sspr-register-code-form")).getText())
                    .contains("We emailed a code to " + MASKED_AUTH_EMAIL).contains("8 digits");
            String code = SignIn.emailCode(mail.awaitMessagesTo(AUTH_EMAIL, before + 1, WAIT));
            driver.findElement(By.id("code")).sendKeys(code);
            browser.screenshot("registration-04-email-code");
            assertNoRawKeys(driver);
            driver.findElement(By.id("sspr-register-verify")).click();

            wait.until(d -> !d.findElements(By.id("sspr-register-form")).isEmpty()
                    && "registered".equals(state(d, "email")));
            assertThat(driver.getPageSource()).contains("Your authentication email is set up.");
            assertThat(driver.findElement(By.id("sspr-register-method-email")).getText()).contains(MASKED_AUTH_EMAIL);
            assertThat(driver.findElement(By.id("sspr-register-status")).getText())
                    .isEqualTo("You have set up 1 of the 2 methods you need.");
            assertThat(driver.findElements(By.id("sspr-register-done"))).isEmpty();
            browser.screenshot("registration-05-overview-email-set-up");
            assertNoRawKeys(driver);

            // security questions: as many as the form has slots, each a different question
            driver.findElement(By.id("sspr-setup-security-questions")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-register-questions-form")));
            List<WebElement> selects = driver.findElements(By.cssSelector("select[name^='sspr-question-']"));
            assertThat(selects).isNotEmpty().hasSizeLessThanOrEqualTo(ANSWERS.size());
            for (int i = 0; i < selects.size(); i++) {
                String slot = selects.get(i).getAttribute("name").substring("sspr-question-".length());
                new Select(selects.get(i)).selectByValue(ANSWERS.get(i).getKey());
                driver.findElement(By.name("sspr-answer-" + slot)).sendKeys(ANSWERS.get(i).getValue());
            }
            browser.screenshot("registration-06-security-questions");
            assertNoRawKeys(driver);
            driver.findElement(By.id("sspr-register-save")).click();

            wait.until(d -> !d.findElements(By.id("sspr-register-form")).isEmpty()
                    && "registered".equals(state(d, "security-questions")));
            assertThat(driver.getPageSource()).contains("Your security questions are set up.");
            assertThat(driver.findElement(By.id("sspr-register-status")).getText())
                    .isEqualTo("You have set up 2 methods, and you need 2: you\u2019re all set.");
            assertThat(state(driver, "email")).isEqualTo("registered");
            browser.screenshot("registration-07-overview-complete");
            assertNoRawKeys(driver);
            driver.findElement(By.id("sspr-register-done")).click();

            awaitAccountConsole(wait);
            browser.screenshot("registration-08-account-console");
            assertThat(admin.audit(realm.name(), AuditQuery.all().withUserId(realm.userId(USERNAME))))
                    .anyMatch(r -> "email,security-questions".equals(r.method())
                            && "registered".equals(r.failureReason()));

            // signs out through the console's own menu
            driver.findElement(By.cssSelector("[data-testid='options-toggle']")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[@role='menuitem' and normalize-space()='Sign out']")))
                    .click();
            By forgot = By.cssSelector("a[href*='login-actions/reset-credentials']");
            wait.until(ExpectedConditions.presenceOfElementLocated(forgot));
            browser.screenshot("registration-09-signed-out");

            // forgot password: the email just registered is the way back in
            driver.findElement(forgot).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-choose-user-form")));
            driver.findElement(By.id("username")).sendKeys(USERNAME);
            wait.until(d -> {
                Object value = ((JavascriptExecutor) d).executeScript(
                        "return new FormData(document.getElementById('sspr-choose-user-form')).get('altcha');");
                return value != null && !value.toString().isBlank();
            });
            browser.screenshot("registration-10-reset-choose-user");
            driver.findElement(By.id("sspr-next")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-methods-form")));
            assertThat(driver.findElement(By.id("sspr-method-email")).getText()).contains(MASKED_AUTH_EMAIL);
            assertThat(driver.findElements(By.id("sspr-method-security-questions"))).isNotEmpty();
            browser.screenshot("registration-11-reset-methods");
            int sent = mail.messagesTo(AUTH_EMAIL).size();
            driver.findElement(By.id("sspr-method-email")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-code-form")));
            String resetCode = SignIn.emailCode(mail.awaitMessagesTo(AUTH_EMAIL, sent + 1, WAIT));
            driver.findElement(By.id("code")).sendKeys(resetCode);
            browser.screenshot("registration-12-reset-code");
            driver.findElement(By.id("sspr-verify")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-new-password-form")));
            driver.findElement(By.id("password-new")).sendKeys(NEW_PASSWORD);
            driver.findElement(By.id("password-confirm")).sendKeys(NEW_PASSWORD);
            browser.screenshot("registration-13-reset-new-password");
            driver.findElement(By.id("sspr-save-password")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-done")));
            browser.screenshot("registration-14-reset-done");
            driver.findElement(By.id("sspr-sign-in")).click();

            // the new password signs in, and registration, just finished, doesn't ask again
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
            browser.screenshot("registration-15-sign-in-new-password");
            signIn(driver, NEW_PASSWORD);
            awaitAccountConsole(wait);
            assertThat(driver.findElements(By.id("sspr-register-form"))).isEmpty();
            browser.screenshot("registration-16-account-console-again");
        }
    }

    private static void signIn(WebDriver driver, String password) {
        driver.findElement(By.id("username")).sendKeys(USERNAME);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    private static void awaitOverview(WebDriverWait wait) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-register-form")));
    }

    private static void awaitAccountConsole(WebDriverWait wait) {
        wait.until(d -> d.getCurrentUrl().contains("/realms/" + realm.name() + "/account")
                && d.findElements(By.id("kc-form-login")).isEmpty()
                && d.findElements(By.id("sspr-register-form")).isEmpty()
                && d.getPageSource().contains("Personal info"));
    }

    private static String state(WebDriver driver, String factor) {
        List<WebElement> rows = driver.findElements(By.id("sspr-register-method-" + factor));
        return rows.isEmpty() ? null : rows.get(0).getAttribute("data-state");
    }

    /** A message key the theme has no text for shows up as the key itself. */
    private static void assertNoRawKeys(WebDriver driver) {
        String text = driver.findElement(By.tagName("body")).getText();
        assertThat(text).doesNotContainPattern("sspr[A-Z][A-Za-z_-]+").doesNotContain("Exception");
    }
}
