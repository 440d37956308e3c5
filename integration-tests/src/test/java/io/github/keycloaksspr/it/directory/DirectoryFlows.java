package io.github.keycloaksspr.it.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.github.keycloaksspr.it.harness.AuditQuery;
import io.github.keycloaksspr.it.harness.AuditRecord;
import io.github.keycloaksspr.it.harness.KeycloakAdmin;
import io.github.keycloaksspr.it.harness.KeycloakServer;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.Page;
import io.github.keycloaksspr.it.reset.ResetJourney;

/** The steps the directory tests share: get a verified user to the page after verification, read refusals. */
final class DirectoryFlows {

    private DirectoryFlows() {
    }

    /** Names the user, proves the emailed code and returns the page that follows verification. */
    static Page verified(KeycloakServer server, MailServer mail, String realm, String username) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), realm, mail);
        Page methods = journey.startAs(username);
        assertThat(methods.document().selectFirst("#sspr-methods-form")).as(methods.text()).isNotNull();
        ResetJourney.CodeSent sent = journey.sendEmailCode(methods, username + "@users.test");
        return journey.enterCode(sent.page(), sent.code());
    }

    static Page newPassword(Page page, String password) {
        return page.form("#sspr-new-password-form")
                .submit(Map.of("password-new", password, "password-confirm", password));
    }

    static Page choose(Page choice, String value) {
        return choice.form("#sspr-unlock-choice-form").submit("sspr-choice", value, Map.of());
    }

    /** The reasons the eligibility gate recorded for {@code userId}. */
    static List<String> eligibilityRefusals(KeycloakAdmin admin, String realm, String userId) {
        return admin.audit(realm, AuditQuery.all().withUserId(userId).page(0, 200)).stream()
                .filter(r -> "ELIGIBILITY".equals(r.gate()) && "FAILURE".equals(r.result()))
                .map(AuditRecord::failureReason).toList();
    }

    static void assertRefused(Page page) {
        assertThat(page.document().selectFirst("#sspr-unavailable")).as(page.text()).isNotNull();
    }
}
