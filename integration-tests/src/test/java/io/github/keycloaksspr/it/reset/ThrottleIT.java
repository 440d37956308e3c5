package io.github.keycloaksspr.it.reset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.keycloaksspr.it.harness.AuditQuery;
import io.github.keycloaksspr.it.harness.KeycloakAdmin;
import io.github.keycloaksspr.it.harness.KeycloakServer;
import io.github.keycloaksspr.it.harness.KeycloakSuite;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.Page;
import io.github.keycloaksspr.it.harness.ProvisionedRealm;
import io.github.keycloaksspr.it.harness.RealmFixture;
import io.github.keycloaksspr.it.harness.SsprPolicy;
import io.github.keycloaksspr.it.harness.TestUser;
import io.github.keycloaksspr.it.harness.Totp;

/**
 * Entra's throttles held in the database: every count survives a new flow in a new browser, so starting over is no
 * way around them. Each test reports its boundary figures on standard output.
 */
@ExtendWith(KeycloakSuite.class)
@DisplayName("Throttles across flows and browsers")
final class ThrottleIT {

    private static final String NEW_PASSWORD = "Throttled-Passw0rd!";

    private static ProvisionedRealm blocking;
    private static ProvisionedRealm tries;
    private static ProvisionedRealm sends;

    @BeforeAll
    static void createRealms(KeycloakAdmin admin, MailServer mail) {
        blocking = RealmFixture.named(RealmFixture.uniqueName("block"))
                .mailTo(mail)
                .user(TestUser.named("spread"))
                .user(TestUser.named("recovers"))
                .policy(SsprPolicy.forEveryone())
                .create(admin);
        tries = RealmFixture.named(RealmFixture.uniqueName("tries"))
                .mailTo(mail)
                .user(TestUser.named("typist").withCredential(Totp.credential("typist-secret-0007", "phone")))
                .policy(SsprPolicy.forEveryone().withMethods("email##authenticator-app")
                        .with("sspr.throttle.failed-proofs", "20"))
                .create(admin);
        sends = RealmFixture.named(RealmFixture.uniqueName("sends"))
                .mailTo(mail)
                .user(TestUser.named("mailer"))
                .policy(SsprPolicy.forEveryone().with("sspr.throttle.email-codes-per-10-minutes", "3"))
                .create(admin);
    }

    @Test
    @DisplayName("Given wrong codes spread over three flows in three browsers, then the fifth still blocks the account")
    void failedProofsAcrossFlows(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        int[] perFlow = {2, 2, 1};
        Page last = null;
        int made = 0;
        for (int wrongInThisFlow : perFlow) {
            ResetJourney journey = new ResetJourney(server.baseUrl(), blocking.name(), mail);
            Page page = journey.sendEmailCode(journey.startAs("spread"), "spread@users.test").page();
            for (int i = 0; i < wrongInThisFlow; i++) {
                page = journey.enterCode(page, "00000000");
                made++;
                if (made < 5) {
                    assertThat(page.text()).contains("(" + (5 - made) + " tries left)");
                }
            }
            last = page;
        }
        assertThat(last.text()).contains("tried too many times");
        assertThat(admin.audit(blocking.name(), AuditQuery.all().withUserId(blocking.userId("spread"))))
                .filteredOn(r -> "BLOCKED".equals(r.activity())).hasSize(1);
        System.out.printf("[throttle] failed proofs: 4 across flows allowed, the 5th (flow 3) blocked%n");
    }

    @Test
    @DisplayName("Given a successful reset, then the user's failed proofs start from zero again")
    void resetClearsCounters(KeycloakServer server, MailServer mail) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), blocking.name(), mail);
        ResetJourney.CodeSent sent = journey.sendEmailCode(journey.startAs("recovers"), "recovers@users.test");
        Page page = sent.page();
        for (int i = 0; i < 3; i++) {
            page = journey.enterCode(page, sent.code().equals("00000000") ? "11111111" : "00000000");
        }
        assertThat(page.text()).contains("(2 tries left)");
        journey.newPassword(journey.enterCode(page, sent.code()), NEW_PASSWORD, NEW_PASSWORD);

        ResetJourney next = new ResetJourney(server.baseUrl(), blocking.name(), mail);
        ResetJourney.CodeSent again = next.sendEmailCode(next.startAs("recovers"), "recovers@users.test");
        Page wrong = next.enterCode(again.page(), again.code().equals("00000000") ? "11111111" : "00000000");
        assertThat(wrong.text()).contains("(4 tries left)");
    }

    @Test
    @DisplayName("Given five code tries for the app in an hour, then the sixth is refused, in a new flow too, and "
            + "email still works")
    void codeTriesPerMethod(KeycloakServer server, MailServer mail) {
        ResetJourney first = new ResetJourney(server.baseUrl(), tries.name(), mail);
        Page page = first.choose(first.startAs("typist"), "authenticator-app");
        for (int i = 1; i <= 3; i++) {
            page = first.enterAppCode(page, "000000".equals(Totp.now("typist-secret-0007")) ? "111111" : "000000");
            assertThat(page.text()).contains("isn’t right");
        }
        ResetJourney second = new ResetJourney(server.baseUrl(), tries.name(), mail);
        page = second.choose(second.startAs("typist"), "authenticator-app");
        for (int i = 4; i <= 5; i++) {
            page = second.enterAppCode(page, "000000".equals(Totp.now("typist-secret-0007")) ? "111111" : "000000");
            assertThat(page.text()).as("try %d", i).contains("isn’t right");
        }
        Page sixth = second.enterAppCode(page, Totp.now("typist-secret-0007"));

        assertThat(sixth.document().selectFirst("#sspr-new-password-form")).isNull();
        assertThat(sixth.text()).contains("tried this method too many times");
        assertThat(sixth.document().select("button[name=sspr-method]")).extracting(e -> e.attr("value"))
                .contains("email");
        ResetJourney.CodeSent sent = second.sendEmailCode(sixth, "typist@users.test");
        Page newPassword = second.enterCode(sent.page(), sent.code());
        assertThat(newPassword.document().selectFirst("#sspr-new-password-form")).as(newPassword.text()).isNotNull();
        System.out.printf("[throttle] code tries per method: 5th allowed, 6th refused (even with the right code)%n");
    }

    @Test
    @DisplayName("Given an email limit of 3 codes per 10 minutes, then the third flow gets a code and the fourth "
            + "does not")
    void emailSends(KeycloakServer server, MailServer mail) {
        for (int flow = 1; flow <= 3; flow++) {
            ResetJourney journey = new ResetJourney(server.baseUrl(), sends.name(), mail);
            ResetJourney.CodeSent sent = journey.sendEmailCode(journey.startAs("mailer"), "mailer@users.test");
            assertThat(sent.page().document().selectFirst("#sspr-code-form")).isNotNull();
        }
        int before = mail.messagesTo("mailer@users.test").size();
        ResetJourney fourth = new ResetJourney(server.baseUrl(), sends.name(), mail);
        Page refused = fourth.chooseEmail(fourth.startAs("mailer"));

        assertThat(refused.document().selectFirst("#sspr-code-form")).isNull();
        assertThat(refused.text()).contains("emailed you too many codes");
        assertThat(mail.messagesTo("mailer@users.test")).hasSize(before);
        System.out.printf("[throttle] email codes: 3rd allowed, 4th refused (limit set to 3 per 10 min)%n");
    }
}
