package io.github.keycloaksspr.it.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.keycloak.representations.idm.CredentialRepresentation;

import io.github.keycloaksspr.it.harness.Browser;
import io.github.keycloaksspr.it.harness.KeycloakAdmin;
import io.github.keycloaksspr.it.harness.KeycloakServer;
import io.github.keycloaksspr.it.harness.KeycloakSuite;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.Phones;
import io.github.keycloaksspr.it.harness.ProvisionedRealm;
import io.github.keycloaksspr.it.harness.RealmFixture;
import io.github.keycloaksspr.it.harness.RegistrationAction;
import io.github.keycloaksspr.it.harness.SecurityQuestionsImport;
import io.github.keycloaksspr.it.harness.SsprPolicy;
import io.github.keycloaksspr.it.harness.TestUser;
import io.github.keycloaksspr.it.harness.TwilioDouble;

/**
 * The account console (Keycloak's React app) in headless Chromium, on Account security → Signing in: it lists the
 * methods a user registered, masked; "Set up" of the authentication email opens the registration page, and setting
 * it up there comes back with the email listed; "Delete" removes a method the user can spare through Keycloak's own
 * confirmation.
 * A screenshot of every step lands in target/screenshots (account-console-*.png).
 */
@ExtendWith(KeycloakSuite.class)
@DisplayName("Reset methods in the account console, in a real browser")
final class AccountConsoleIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String USERNAME = "milo";
    private static final String PHONE = "+14155550123";
    private static final String MASKED_PHONE = "+1 \u2022\u2022\u2022 \u2022\u2022\u2022 \u2022\u202223";
    private static final String AUTH_EMAIL = "milo.backup@mail.test";
    private static final String MASKED_AUTH_EMAIL = "m\u2022\u2022\u2022p@mail.test";
    private static final String EMAIL = "sspr-email";
    private static final String MOBILE = "sspr-mobile-phone";
    private static final String QUESTIONS = SecurityQuestionsImport.TYPE;
    private static final String SENDER = "+15005550006";

    private static TwilioDouble twilio;
    private static ProvisionedRealm realm;

    @BeforeAll
    static void createRealm(KeycloakAdmin admin, MailServer mail) {
        twilio = TwilioDouble.start();
        realm = RealmFixture.named(RealmFixture.uniqueName("account-console"))
                .displayName("Contoso")
                .mailTo(mail)
                // registered: a mobile phone and security questions, confirmed just now, so sign-in doesn't stop
                .user(TestUser.named(USERNAME).withEmailVerified(false)
                        .withCredential(Phones.mobile(PHONE))
                        .withCredential(fiveQuestions())
                        .withAttribute(RegistrationAction.CONFIRMED_AT, Long.toString(System.currentTimeMillis())))
                .policy(SsprPolicy.forEveryone().withMethods("email##mobile-sms##security-questions")
                        .withTwilio(twilio, SENDER))
                .registration(Map.of())
                .create(admin);
    }

    @AfterAll
    static void stopTwilio() {
        if (twilio != null) {
            twilio.close();
        }
    }

    @Test
    @DisplayName("Given a registered user, then Signing in lists their phone masked, \u201cSet up\u201d adds an "
            + "authentication email through the registration page, and \u201cDelete\u201d removes the phone")
    void listAddRemove(KeycloakServer server, MailServer mail) {
        try (Browser browser = Browser.desktop()) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            browser.open(server.accountConsoleUrl(realm.name()) + "account-security/signing-in");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
            browser.screenshot("account-console-01-sign-in");
            driver.findElement(By.id("username")).sendKeys(USERNAME);
            driver.findElement(By.id("password")).sendKeys(TestUser.DEFAULT_PASSWORD);
            driver.findElement(By.id("kc-login")).click();

            // list: every type the policy enables, with what the user holds, masked
            awaitSigningIn(wait);
            WebElement phones = awaitList(wait, MOBILE);
            awaitList(wait, QUESTIONS);
            fullPage(browser, "account-console-02-signing-in");
            wait.until(d -> phones.getText().contains(MASKED_PHONE));
            assertThat(title(driver, MOBILE)).isEqualTo("Mobile phone");
            assertThat(title(driver, EMAIL)).isEqualTo("Authentication email");
            assertThat(title(driver, QUESTIONS)).isEqualTo("Security questions");
            assertThat(labels(driver, MOBILE)).containsExactly(MASKED_PHONE);
            assertThat(labels(driver, QUESTIONS)).containsExactly("Security questions");
            assertThat(driver.findElements(By.cssSelector("[data-testid='" + EMAIL + "/not-set-up']"))).hasSize(1);
            assertThat(phones.getText()).doesNotContain("4155550123");
            assertNoRawKeys(driver);

            // add: the email type's "Set up" opens the registration page, where the user sets the email up
            WebElement create = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("button[data-testid='" + EMAIL + "/create']")));
            assertThat(create.getText()).isEqualTo("Set up Authentication email");
            assertThat(driver.findElements(By.cssSelector("button[data-testid='" + MOBILE + "/create']"))).isEmpty();
            assertThat(driver.findElements(By.cssSelector(
                    "[data-testid='" + MOBILE + "/credential-list'] [data-testrole='update']"))).hasSize(1);
            create.click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-register-form")));
            browser.screenshot("account-console-03-registration-overview");
            assertThat(state(driver, "email")).isEqualTo("missing");
            assertThat(state(driver, "mobile-phone")).isEqualTo("registered");
            assertThat(state(driver, "security-questions")).isEqualTo("registered");
            assertThat(driver.findElements(By.id("sspr-register-skip"))).as("no skipping what the user asked for")
                    .isEmpty();
            assertThat(driver.findElements(By.id("sspr-register-cancel"))).hasSize(1);
            assertNoRawKeys(driver);
            driver.findElement(By.id("sspr-setup-email")).click();

            // registered already: a password alone can't change that, so the user first proves the phone
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-register-prove-form")));
            browser.screenshot("account-console-04-prove-first");
            assertNoRawKeys(driver);
            driver.findElement(By.id("sspr-prove-mobile-sms")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-register-code-form")));
            Matcher texted = Pattern.compile("\\b(\\d{6})\\b").matcher(twilio.awaitNextTo(PHONE, WAIT).body());
            assertThat(texted.find()).isTrue();
            driver.findElement(By.id("code")).sendKeys(texted.group(1));
            driver.findElement(By.id("sspr-register-verify")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-register-email-form")));
            driver.findElement(By.name("sspr-email")).sendKeys(AUTH_EMAIL);
            browser.screenshot("account-console-05-email-entry");
            int before = mail.messagesTo(AUTH_EMAIL).size();
            driver.findElement(By.id("sspr-register-send")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-register-code-form")));
            String code = SignIn.emailCode(mail.awaitMessagesTo(AUTH_EMAIL, before + 1, WAIT));
            driver.findElement(By.id("code")).sendKeys(code);
            browser.screenshot("account-console-06-email-code");
            driver.findElement(By.id("sspr-register-verify")).click();

            wait.until(d -> !d.findElements(By.id("sspr-register-form")).isEmpty()
                    && "registered".equals(state(d, "email")));
            browser.screenshot("account-console-07-registration-email-set-up");
            assertThat(driver.getPageSource()).contains("Your authentication email is set up.");
            assertNoRawKeys(driver);
            driver.findElement(By.id("sspr-register-done")).click();

            // back in the console, the email listed, with "Update" now instead of "Set up"
            awaitSigningIn(wait);
            WebElement emails = awaitList(wait, EMAIL);
            wait.until(d -> emails.getText().contains(MASKED_AUTH_EMAIL));
            fullPage(browser, "account-console-08-email-added");
            assertThat(labels(driver, EMAIL)).containsExactly(MASKED_AUTH_EMAIL);
            assertThat(driver.findElements(By.cssSelector("button[data-testid='" + EMAIL + "/create']"))).isEmpty();
            assertThat(credentialTypes()).contains(EMAIL, MOBILE, QUESTIONS);

            // remove: the phone can go, the user keeps the email and the questions
            WebElement remove = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                    "[data-testid='" + MOBILE + "/credential-list'] [data-testrole='remove']")));
            assertThat(remove.getText()).isEqualTo("Delete");
            remove.click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-accept")));
            assertThat(driver.findElement(By.id("kc-delete-text")).getText()).contains(MASKED_PHONE);
            browser.screenshot("account-console-09-delete-confirmation");
            driver.findElement(By.id("kc-accept")).click();

            awaitSigningIn(wait);
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-testid='" + MOBILE + "/not-set-up']")));
            assertThat(labels(driver, MOBILE)).isEmpty();
            assertThat(labels(driver, EMAIL)).containsExactly(MASKED_AUTH_EMAIL);
            assertThat(credentialTypes()).doesNotContain(MOBILE).contains(EMAIL, QUESTIONS);
            fullPage(browser, "account-console-10-phone-removed");
        }
    }

    private static void awaitSigningIn(WebDriverWait wait) {
        wait.until(d -> d.getCurrentUrl().contains("/realms/" + realm.name() + "/account/account-security/signing-in")
                && d.findElements(By.id("kc-form-login")).isEmpty()
                && !d.findElements(By.cssSelector("[data-testid='page-heading']")).isEmpty());
    }

    private static WebElement awaitList(WebDriverWait wait, String type) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid='" + type + "/credential-list']")));
    }

    /** The whole Signing in page: the console scrolls inside its main area, so the viewport grows to fit it. */
    private static void fullPage(Browser browser, String name) {
        ChromeDriver driver = (ChromeDriver) browser.driver();
        Number height = (Number) driver.executeScript("return Math.max(document.documentElement.scrollHeight,"
                + " ...Array.from(document.querySelectorAll('main, .pf-v5-c-page__main'))"
                + ".map(e => e.scrollHeight + e.getBoundingClientRect().top));");
        Number width = (Number) driver.executeScript("return window.innerWidth;");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width.intValue(),
                "height", Math.max(height.intValue(), 900), "deviceScaleFactor", 1, "mobile", false));
        try {
            browser.screenshot(name);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static String state(WebDriver driver, String factor) {
        List<WebElement> rows = driver.findElements(By.id("sspr-register-method-" + factor));
        return rows.isEmpty() ? null : rows.get(0).getAttribute("data-state");
    }

    private static String title(WebDriver driver, String type) {
        return driver.findElement(By.cssSelector("[data-testid='" + type + "/title']")).getText();
    }

    private static List<String> labels(WebDriver driver, String type) {
        return driver.findElements(By.cssSelector("[data-testid='" + type + "/credential-list'] [data-testrole='label']"))
                .stream().map(WebElement::getText).map(String::trim).toList();
    }

    /** What admin REST says the user holds. */
    private static List<String> credentialTypes() {
        return realm.user(USERNAME).credentials().stream().map(CredentialRepresentation::getType).toList();
    }

    /** A message key the theme has no text for shows up as the key itself. */
    private static void assertNoRawKeys(WebDriver driver) {
        String text = driver.findElement(By.tagName("body")).getText();
        assertThat(text).doesNotContainPattern("sspr[A-Z][A-Za-z_-]+").doesNotContain("display-name")
                .doesNotContain("Exception");
    }

    private static CredentialRepresentation fiveQuestions() {
        return SecurityQuestionsImport.answers()
                .question("first-stuffed-animal", "Mr Fluffy")
                .question("parents-met-city", "\u00c6r\u00f8sk\u00f8bing")
                .question("best-friend-nickname", "Bibi")
                .question("first-teacher", "Frau M\u00fcller")
                .question("first-concert", "Die \u00c4rzte")
                .toRepresentation();
    }
}
