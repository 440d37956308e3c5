package io.github.keycloaksspr.it.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.github.keycloaksspr.it.harness.Browser;
import io.github.keycloaksspr.it.harness.KeycloakAdmin;
import io.github.keycloaksspr.it.harness.KeycloakServer;
import io.github.keycloaksspr.it.harness.KeycloakSuite;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.Phones;
import io.github.keycloaksspr.it.harness.ProvisionedRealm;
import io.github.keycloaksspr.it.harness.RealmFixture;
import io.github.keycloaksspr.it.harness.SsprPolicy;
import io.github.keycloaksspr.it.harness.TestUser;
import io.github.keycloaksspr.it.harness.TwilioDouble;

/**
 * An N = 2 reset as a person does it in headless Chromium: a text message code, then security questions, then the
 * new password; a screenshot of every page lands in target/screenshots (two-methods-*.png).
 */
@ExtendWith(KeycloakSuite.class)
@DisplayName("Two-method reset in a real browser")
final class TwoMethodsBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "Two-Methods-Passw0rd!";
    private static final String PHONE = "+14155550121";

    private static TwilioDouble twilio;
    private static ProvisionedRealm realm;

    @BeforeAll
    static void createRealm(KeycloakAdmin admin, MailServer mail) {
        twilio = TwilioDouble.start();
        realm = RealmFixture.named(RealmFixture.uniqueName("browser-two"))
                .displayName("Contoso")
                .mailTo(mail)
                .user(TestUser.named("nora").withCredential(Phones.mobile(PHONE))
                        .withCredential(MethodsIT.fiveQuestions()))
                .policy(SsprPolicy.forEveryone().withMethods("email##mobile-sms##security-questions")
                        .withMethodsRequired(2).withHelpdesk("https://helpdesk.contoso.test/sspr")
                        .with("sspr.twilio.account-sid", twilio.accountSid())
                        .with("sspr.twilio.auth-token", twilio.authToken())
                        .with("sspr.twilio.from", MethodsIT.SENDER)
                        .with("sspr.twilio.api-base-url", twilio.baseUrl()))
                .create(admin);
    }

    @AfterAll
    static void stopTwilio() {
        if (twilio != null) {
            twilio.close();
        }
    }

    @Test
    @DisplayName("Given N=2, then a texted code and three security answers lead to the new password, which signs in")
    void textThenQuestions(KeycloakServer server) {
        try (Browser browser = Browser.desktop()) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            browser.open(server.accountConsoleUrl(realm.name()));
            By forgot = By.cssSelector("a[href*='login-actions/reset-credentials']");
            wait.until(ExpectedConditions.presenceOfElementLocated(forgot));
            browser.screenshot("two-methods-01-sign-in");
            driver.findElement(forgot).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-choose-user-form")));
            driver.findElement(By.id("username")).sendKeys("nora");
            wait.until(d -> {
                Object value = ((JavascriptExecutor) d).executeScript(
                        "return new FormData(document.getElementById('sspr-choose-user-form')).get('altcha');");
                return value != null && !value.toString().isBlank();
            });
            browser.screenshot("two-methods-02-choose-user");
            driver.findElement(By.id("sspr-next")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-methods-form")));
            assertThat(driver.findElement(By.id("sspr-progress")).getText()).isEqualTo("Step 1 of 2");
            browser.screenshot("two-methods-03-methods-step-1");
            driver.findElement(By.id("sspr-method-mobile-sms")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-code-form")));
            String code = MethodsIT.sixDigits(twilio.awaitNextTo(PHONE, WAIT).body());
            driver.findElement(By.id("code")).sendKeys(code);
            browser.screenshot("two-methods-04-text-code");
            driver.findElement(By.id("sspr-verify")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-methods-form")));
            assertThat(driver.findElement(By.id("sspr-progress")).getText()).isEqualTo("Step 2 of 2");
            assertThat(driver.findElements(By.id("sspr-method-mobile-sms"))).isEmpty();
            browser.screenshot("two-methods-05-methods-step-2");
            driver.findElement(By.id("sspr-method-security-questions")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-questions-form")));
            for (WebElement input : driver.findElements(By.cssSelector("input[name^=sspr-answer-]"))) {
                String question = driver.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']"))
                        .getText().trim();
                assertThat(MethodsIT.ANSWERS).as("an answer for: %s", question).containsKey(question);
                input.sendKeys(MethodsIT.ANSWERS.get(question));
            }
            browser.screenshot("two-methods-06-security-questions");
            driver.findElement(By.id("sspr-answer")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-new-password-form")));
            driver.findElement(By.id("password-new")).sendKeys(PASSWORD);
            driver.findElement(By.id("password-confirm")).sendKeys(PASSWORD);
            browser.screenshot("two-methods-07-new-password");
            driver.findElement(By.id("sspr-save-password")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-done")));
            browser.screenshot("two-methods-08-done");
            driver.findElement(By.id("sspr-sign-in")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
            driver.findElement(By.id("username")).sendKeys("nora");
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.id("kc-login")).click();
            wait.until(d -> d.getCurrentUrl().contains("/realms/" + realm.name() + "/account")
                    && d.findElements(By.id("kc-form-login")).isEmpty()
                    && d.getPageSource().contains("Personal info"));
            browser.screenshot("two-methods-09-account-console");
        }
    }
}
