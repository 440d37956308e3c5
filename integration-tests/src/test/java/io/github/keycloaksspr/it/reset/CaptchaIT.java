package io.github.keycloaksspr.it.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.keycloaksspr.it.harness.AltchaSolver;
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

@ExtendWith(KeycloakSuite.class)
@DisplayName("The proof-of-work CAPTCHA on the first reset page")
final class CaptchaIT {

    private static ProvisionedRealm realm;

    @BeforeAll
    static void createRealm(KeycloakAdmin admin, MailServer mail) {
        realm = RealmFixture.named(RealmFixture.uniqueName("captcha"))
                .mailTo(mail)
                .user(TestUser.named("carol"))
                .policy(SsprPolicy.forEveryone())
                .create(admin);
    }

    @Test
    @DisplayName("Given no CAPTCHA solution, then the page asks again with a plain sentence and nothing moves on")
    void missing(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), realm.name(), mail);
        Page page = journey.start().form("#sspr-choose-user-form").submit(Map.of("username", "carol"));

        assertThat(page.document().selectFirst("#sspr-choose-user-form")).isNotNull();
        assertThat(page.text()).contains("Complete the check that you\u2019re not a robot");
        assertThat(page.document().selectFirst("#username").attr("value")).isEqualTo("carol");
        assertThat(failures(admin)).contains("captcha_missing");
    }

    @Test
    @DisplayName("Given a solution whose signature was forged, then it is rejected")
    void forged(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), realm.name(), mail);
        Page start = journey.start();
        String payload = new String(Base64.getDecoder().decode(AltchaSolver.solve(start)), StandardCharsets.UTF_8);
        String forged = payload.replaceFirst("\"signature\"\\s*:\\s*\"[0-9a-f]+\"",
                "\"signature\":\"" + "ab".repeat(32) + "\"");
        assertThat(forged).isNotEqualTo(payload);

        Page page = start.form("#sspr-choose-user-form").submit(Map.of("username", "carol",
                AltchaSolver.FIELD, Base64.getEncoder().encodeToString(forged.getBytes(StandardCharsets.UTF_8))));

        assertThat(page.text()).contains("Complete the check that you\u2019re not a robot");
        assertThat(failures(admin)).contains("captcha_invalid");
    }

    @Test
    @DisplayName("Given garbage in the CAPTCHA field, then it is rejected without an error page")
    void garbage(KeycloakServer server, MailServer mail) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), realm.name(), mail);
        Page page = journey.start().form("#sspr-choose-user-form")
                .submit(Map.of("username", "carol", AltchaSolver.FIELD, "%%%not-base64<script>"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Complete the check that you\u2019re not a robot");
    }

    @Test
    @DisplayName("Given a solution already used once, then a second flow cannot use it again")
    void replayed(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        ResetJourney first = new ResetJourney(server.baseUrl(), realm.name(), mail);
        Page start = first.start();
        String solution = AltchaSolver.solve(start);
        Page accepted = start.form("#sspr-choose-user-form").submit(Map.of("username", "carol", AltchaSolver.FIELD, solution));
        assertThat(accepted.document().selectFirst("#sspr-methods-form")).isNotNull();

        ResetJourney second = new ResetJourney(server.baseUrl(), realm.name(), mail);
        Page replayed = second.start().form("#sspr-choose-user-form")
                .submit(Map.of("username", "carol", AltchaSolver.FIELD, solution));

        assertThat(replayed.document().selectFirst("#sspr-choose-user-form")).isNotNull();
        assertThat(replayed.text()).contains("Complete the check that you\u2019re not a robot");
        assertThat(failures(admin)).contains("captcha_replayed");
    }

    @Test
    @DisplayName("Given an admin switched the CAPTCHA off, then the page has no widget and a name alone moves on")
    void switchedOff(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        ProvisionedRealm quiet = RealmFixture.named(RealmFixture.uniqueName("nocaptcha"))
                .mailTo(mail)
                .user(TestUser.named("quinn"))
                .policy(SsprPolicy.forEveryone().withCaptcha(false))
                .create(admin);
        ResetJourney journey = new ResetJourney(server.baseUrl(), quiet.name(), mail);
        Page start = journey.start();
        assertThat(start.document().selectFirst("altcha-widget")).isNull();

        Page methods = start.form("#sspr-choose-user-form").submit(Map.of("username", "quinn"));

        assertThat(methods.document().selectFirst("#sspr-methods-form")).as(methods.text()).isNotNull();
    }

    private static List<String> failures(KeycloakAdmin admin) {
        return admin.audit(realm.name(), AuditQuery.all().withActivity("FLOW_PROGRESS").page(0, 1000)).stream()
                .filter(r -> "CAPTCHA".equals(r.gate()) && "FAILURE".equals(r.result()))
                .map(r -> r.failureReason()).toList();
    }
}
