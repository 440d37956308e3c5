package io.github.keycloaksspr.it.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.github.keycloaksspr.it.harness.Browser;
import io.github.keycloaksspr.it.harness.KeycloakAdmin;
import io.github.keycloaksspr.it.harness.KeycloakServer;
import io.github.keycloaksspr.it.harness.KeycloakSuite;
import io.github.keycloaksspr.it.harness.MailMessage;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.ProvisionedRealm;
import io.github.keycloaksspr.it.harness.RealmFixture;
import io.github.keycloaksspr.it.harness.SsprPolicy;
import io.github.keycloaksspr.it.harness.TestUser;

/** The reset as a person does it, in headless Chromium, with a screenshot of every page under target/screenshots. */
@ExtendWith(KeycloakSuite.class)
@DisplayName("Self-service password reset in a real browser")
final class ResetBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "Browser-Passw0rd!";
    private static ProvisionedRealm realm;

    @BeforeAll
    static void createRealm(KeycloakAdmin admin, MailServer mail) {
        realm = RealmFixture.named(RealmFixture.uniqueName("browser"))
                .displayName("Contoso")
                .mailTo(mail)
                .group("/SSPR-Test-Group")
                .user(TestUser.named("bella").inGroups("/SSPR-Test-Group"))
                .user(TestUser.named("phoebe").inGroups("/SSPR-Test-Group"))
                .user(TestUser.named("outsider"))
                .policy(SsprPolicy.forGroup("/SSPR-Test-Group").withHelpdesk("https://helpdesk.contoso.test/sspr"))
                .create(admin);
    }

    @Test
    @DisplayName("Given a laptop, then Forgot password? leads through CAPTCHA, email code and new password, and the "
            + "new password signs in to the account console")
    void desktop(KeycloakServer server, MailServer mail) {
        try (Browser browser = Browser.desktop()) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            browser.open(server.accountConsoleUrl(realm.name()));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href*='login-actions/reset-credentials']")));
            browser.screenshot("desktop-01-sign-in");

            driver.findElement(By.cssSelector("a[href*='login-actions/reset-credentials']")).click();
            chooseUser(browser, wait, "bella", "desktop-02-choose-user");

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-methods-form")));
            browser.screenshot("desktop-03-methods");
            String code = sendAndReadCode(driver, wait, mail, "bella@users.test");
            browser.screenshot("desktop-04-code");

            driver.findElement(By.id("code")).sendKeys(code);
            driver.findElement(By.id("sspr-verify")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-new-password-form")));
            driver.findElement(By.id("password-new")).sendKeys(PASSWORD);
            driver.findElement(By.id("password-confirm")).sendKeys(PASSWORD);
            browser.screenshot("desktop-05-new-password");

            driver.findElement(By.id("sspr-save-password")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-done")));
            browser.screenshot("desktop-06-done");

            driver.findElement(By.id("sspr-sign-in")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
            driver.findElement(By.id("username")).sendKeys("bella");
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.id("kc-login")).click();
            wait.until(d -> d.getCurrentUrl().contains("/realms/" + realm.name() + "/account")
                    && d.findElements(By.id("kc-form-login")).isEmpty()
                    && d.getPageSource().contains("Personal info"));
            browser.screenshot("desktop-07-account-console");
        }
    }

    @Test
    @DisplayName("Given a phone, then the same pages fit the screen, and an account outside the pilot group is "
            + "pointed to the helpdesk")
    void phone(KeycloakServer server, MailServer mail) {
        try (Browser browser = Browser.phone()) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            browser.open(server.baseUrl() + "/realms/" + realm.name()
                    + "/login-actions/reset-credentials?client_id=account-console");
            chooseUser(browser, wait, "outsider", "phone-01-choose-user");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-unavailable")));
            assertThat(driver.findElement(By.id("sspr-helpdesk-link")).getAttribute("href"))
                    .isEqualTo("https://helpdesk.contoso.test/sspr");
            browser.screenshot("phone-02-unavailable");
            assertNoHorizontalScroll(driver);

            browser.open(server.baseUrl() + "/realms/" + realm.name()
                    + "/login-actions/reset-credentials?client_id=account-console");
            chooseUser(browser, wait, "phoebe", "phone-03-choose-user-again");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-methods-form")));
            browser.screenshot("phone-04-methods");
            sendAndReadCode(driver, wait, mail, "phoebe@users.test");
            driver.findElement(By.id("code")).sendKeys("00000000");
            driver.findElement(By.id("sspr-verify")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("input-error-code")));
            browser.screenshot("phone-05-wrong-code");
            assertNoHorizontalScroll(driver);
        }
    }

    /** Types the name, waits until the CAPTCHA widget has put its solution into the form, then submits. */
    private static void chooseUser(Browser browser, WebDriverWait wait, String username, String screenshot) {
        WebDriver driver = browser.driver();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-choose-user-form")));
        driver.findElement(By.id("username")).sendKeys(username);
        wait.until(d -> {
            Object value = ((JavascriptExecutor) d).executeScript(
                    "return new FormData(document.getElementById('sspr-choose-user-form')).get('altcha');");
            return value != null && !value.toString().isBlank();
        });
        browser.screenshot(screenshot);
        driver.findElement(By.id("sspr-next")).click();
    }

    private static String sendAndReadCode(WebDriver driver, WebDriverWait wait, MailServer mail, String address) {
        int before = mail.messagesTo(address).size();
        driver.findElement(By.id("sspr-method-email")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sspr-code-form")));
        List<MailMessage> messages = mail.awaitMessagesTo(address, before + 1, WAIT);
        return ResetJourney.codeIn(messages.get(messages.size() - 1));
    }

    /**
     * Nothing of ours is wider than the phone. (keycloak.v2's own hidden "restart login" tooltip does stick out once
     * an account is shown in the header; that is the stock theme, on every such page, not something this extension adds.)
     */
    private static void assertNoHorizontalScroll(WebDriver driver) {
        Object culprits = ((JavascriptExecutor) driver).executeScript(
                "const w = document.documentElement.clientWidth;"
                        + "return Array.from(document.querySelectorAll("
                        + "'form[id^=sspr] *, #sspr-unavailable *, #sspr-done *, #kc-info *, #kc-page-title'))"
                        + ".filter(e => e.getBoundingClientRect().right > w + 1 || e.getBoundingClientRect().left < -1)"
                        + ".map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ');");
        assertThat(culprits.toString()).as("elements of the reset pages wider than the screen").isEmpty();
    }

}
