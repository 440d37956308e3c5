package io.github.keycloaksspr.it.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

import io.github.keycloaksspr.it.harness.AltchaSolver;
import io.github.keycloaksspr.it.harness.AuditQuery;
import io.github.keycloaksspr.it.harness.AuditRecord;
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
@DisplayName("Self-service password reset by email code, over HTTP")
final class ResetFlowIT {

    static final String NEW_PASSWORD = "Brand-new-Passw0rd!";
    private static final String HELPDESK = "mailto:helpdesk@pilot.test";

    private static ProvisionedRealm realm;
    private static final List<String> codesSeen = new ArrayList<>();

    @BeforeAll
    static void createRealm(KeycloakAdmin admin, MailServer mail) {
        realm = RealmFixture.named(RealmFixture.uniqueName("reset"))
                .mailTo(mail)
                .group("/Pilot/Team-A")
                .group("/Elsewhere")
                .user(TestUser.named("happy").inGroups("/Pilot"))
                .user(TestUser.named("nested").inGroups("/Pilot/Team-A"))
                .user(TestUser.named("fumble").inGroups("/Pilot"))
                .user(TestUser.named("replay").inGroups("/Pilot"))
                .user(TestUser.named("patient").inGroups("/Pilot"))
                .user(TestUser.named("picky").inGroups("/Pilot"))
                .user(TestUser.named("dora").inGroups("/Pilot").disabled())
                .user(TestUser.named("otto").inGroups("/Elsewhere"))
                .user(TestUser.named("uma").inGroups("/Pilot").withEmailVerified(false))
                .user(TestUser.named("noemail").inGroups("/Pilot").withoutEmail())
                .bruteForceProtected(true)
                .policy(SsprPolicy.forGroup("/Pilot").withHelpdesk(HELPDESK))
                .create(admin);
        RealmRepresentation settings = realm.resource().toRepresentation();
        // count failures without locking anyone out, and keep events so the test can read them
        settings.setFailureFactor(30);
        settings.setEventsEnabled(true);
        realm.resource().update(settings);
    }

    @AfterAll
    static void noCodeEverReachesTheServerLog(KeycloakServer server) {
        String log = server.log().text();
        assertThat(codesSeen).isNotEmpty().allSatisfy(code -> assertThat(log).doesNotContain(code));
        // other suites configure broken policies on purpose and get warnings; errors would be ours
        assertThat(server.log().errorLines()).noneMatch(line -> line.contains("io.github.keycloaksspr"));
    }

    @Test
    @DisplayName("Given a member of the selected group, then a mailed code and a new password reset it: the new "
            + "password signs in, the old one no longer does, and sessions opened with the old one are signed out")
    void happyPath(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), realm.name(), mail);
        // a session opened with the old password, as someone who knew it would have
        admin.userAccessToken(realm.name(), "happy", TestUser.DEFAULT_PASSWORD);
        assertThat(realm.user("happy").getUserSessions()).isNotEmpty();

        Page methods = journey.startAs("happy");
        assertThat(methods.document().select("#sspr-method-email").text()).contains("h\u2022\u2022\u2022y@");
        assertThat(methods.body()).doesNotContain("happy@");
        ResetJourney.CodeSent sent = journey.sendEmailCode(methods, "happy@users.test");
        codesSeen.add(sent.code());
        assertThat(sent.page().text()).contains("We emailed a code to h\u2022\u2022\u2022y@").contains("5 minutes");
        Page newPassword = journey.enterCode(sent.page(), sent.code());
        assertThat(newPassword.document().selectFirst("#sspr-new-password-form")).isNotNull();
        Page done = journey.newPassword(newPassword, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(done.document().selectFirst("#sspr-done")).as(done.text()).isNotNull();
        assertThat(done.document().selectFirst("#sspr-sign-in").attr("href")).contains("/login-actions/restart");
        assertThat(admin.userAccessToken(realm.name(), "happy", NEW_PASSWORD)).isNotBlank();
        assertThatThrownBy(() -> admin.userAccessToken(realm.name(), "happy", TestUser.DEFAULT_PASSWORD))
                .isInstanceOf(AssertionError.class);
        // every session of the old password is gone; only the one just opened with the new password is left
        assertThat(realm.user("happy").getUserSessions()).hasSize(1);
    }

    @Test
    @DisplayName("Given a completed reset, then every gate left one audit record in order, with one flow id and "
            + "the client address, and Keycloak recorded a RESET_PASSWORD event")
    void auditTrail(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        String userId = realm.userId("picky");
        ResetJourney journey = new ResetJourney(server.baseUrl(), realm.name(), mail);
        ResetJourney.CodeSent sent = journey.sendEmailCode(journey.startAs("picky"), "picky@users.test");
        codesSeen.add(sent.code());
        journey.newPassword(journey.enterCode(sent.page(), sent.code()), NEW_PASSWORD, NEW_PASSWORD);

        List<AuditRecord> records = admin.audit(realm.name(), AuditQuery.all().withUserId(userId));
        List<String> gates = records.stream().map(r -> r.activity() + "/" + r.gate() + "/" + r.result()).toList();
        assertThat(gates).containsExactlyInAnyOrder(
                "RESET_PASSWORD_SELF_SERVICE/null/SUCCESS",
                "FLOW_PROGRESS/NEW_PASSWORD/SUCCESS",
                "FLOW_PROGRESS/METHOD_VERIFIED/SUCCESS",
                "FLOW_PROGRESS/CODE_SENT/SUCCESS",
                "FLOW_PROGRESS/ELIGIBILITY/SUCCESS");
        // newest first; gates passed in separate requests are in the order the user passed them
        assertThat(records.stream().map(AuditRecord::gate).filter(gate -> gate != null).toList())
                .containsExactly("NEW_PASSWORD", "METHOD_VERIFIED", "CODE_SENT", "ELIGIBILITY");
        String flowId = records.get(0).flowId();
        assertThat(records).allSatisfy(r -> {
            assertThat(r.flowId()).isEqualTo(flowId);
            assertThat(r.ipAddress()).isEqualTo("127.0.0.1");
        });
        assertThat(records).filteredOn(r -> "RESET_PASSWORD_SELF_SERVICE".equals(r.activity()))
                .singleElement().extracting(AuditRecord::method).isEqualTo("email");
        // the CAPTCHA gate passes before any account is known: same flow, no user
        assertThat(admin.audit(realm.name(), AuditQuery.all().withActivity("FLOW_PROGRESS").page(0, 1000)))
                .anySatisfy(r -> {
                    assertThat(r.flowId()).isEqualTo(flowId);
                    assertThat(r.gate()).isEqualTo("CAPTCHA");
                    assertThat(r.userId()).isNull();
                });
        List<EventRepresentation> events = realm.resource().getEvents(List.of("RESET_PASSWORD"), null, userId,
                null, null, null, 0, 10);
        assertThat(events).singleElement().satisfies(event ->
                assertThat(event.getDetails()).containsEntry("sspr_methods", "email")
                        .containsEntry("credential_type", "password"));
    }

    @Test
    @DisplayName("Given a member of a subgroup of the selected group, then the reset flow lets them in")
    void nestedGroupMember(KeycloakServer server, MailServer mail) {
        Page methods = new ResetJourney(server.baseUrl(), realm.name(), mail).startAs("nested");

        assertThat(methods.document().selectFirst("#sspr-methods-form")).as(methods.text()).isNotNull();
    }

    @Test
    @DisplayName("Given an unknown, a disabled, an out-of-scope and an unregistered account, then all four get the "
            + "same status and byte-identical refusal page, never sooner than the response floor")
    void refusalsAreIdentical(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        List<String> accounts = List.of("ghost-" + System.nanoTime(), "dora", "otto", "uma", "noemail");
        List<HttpResponse<String>> answers = new ArrayList<>();
        List<Page> refusals = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        for (String account : accounts) {
            ResetJourney journey = new ResetJourney(server.baseUrl(), realm.name(), mail);
            Page start = journey.start();
            long begin = System.nanoTime();
            HttpResponse<String> answer = start.form("#sspr-choose-user-form")
                    .submitOnce(Map.of("username", account, AltchaSolver.FIELD, AltchaSolver.solve(start)));
            millis.add((System.nanoTime() - begin) / 1_000_000);
            answers.add(answer);
            refusals.add(journey.client().get(answer.headers().firstValue("Location").orElseThrow()));
        }

        // what the server itself answered to the POST: status, where it points, which cookies it sets, the body
        HttpResponse<String> firstAnswer = answers.get(0);
        assertThat(firstAnswer.statusCode()).isEqualTo(303);
        for (int i = 1; i < answers.size(); i++) {
            HttpResponse<String> answer = answers.get(i);
            assertThat(answer.statusCode()).as(accounts.get(i)).isEqualTo(firstAnswer.statusCode());
            assertThat(answer.headers().firstValue("Location")).as(accounts.get(i))
                    .isEqualTo(firstAnswer.headers().firstValue("Location"));
            assertThat(cookieNames(answer)).as(accounts.get(i)).isEqualTo(cookieNames(firstAnswer));
            assertThat(answer.body()).as(accounts.get(i)).isEqualTo(firstAnswer.body());
        }
        Page first = refusals.get(0);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.document().selectFirst("#sspr-unavailable")).as(first.text()).isNotNull();
        assertThat(first.document().selectFirst("#sspr-helpdesk-link").attr("href")).isEqualTo(HELPDESK);
        for (int i = 1; i < refusals.size(); i++) {
            assertThat(refusals.get(i).status()).as(accounts.get(i)).isEqualTo(first.status());
            assertThat(refusals.get(i).url()).as(accounts.get(i)).isEqualTo(first.url());
            assertThat(refusals.get(i).body()).as(accounts.get(i)).isEqualTo(first.body());
        }
        assertThat(first.body()).doesNotContain("dora").doesNotContain("otto").doesNotContain("uma");
        assertThat(millis).as("refusal times in ms %s", millis).allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(250));
        System.out.printf("refusal response times (ms) for unknown, disabled, out-of-scope, unverified, no email: %s%n", millis);

        List<String> reasons = admin.audit(realm.name(), AuditQuery.all().withActivity("FLOW_PROGRESS").page(0, 1000))
                .stream().filter(r -> "ELIGIBILITY".equals(r.gate()) && "FAILURE".equals(r.result()))
                .map(AuditRecord::failureReason).toList();
        assertThat(reasons).contains("user_not_found", "user_disabled", "not_enabled_for_sspr", "not_registered");
        List<EventRepresentation> unknown = realm.resource().getEvents(List.of("RESET_PASSWORD_ERROR"), null, null,
                null, null, null, 0, 100).stream()
                .filter(event -> accounts.get(0).equals(event.getDetails().get("username"))).toList();
        assertThat(unknown).singleElement().satisfies(event -> {
            assertThat(event.getError()).isEqualTo("user_not_found");
            assertThat(event.getDetails()).containsEntry("sspr_reason", "user_not_found");
        });
    }

    private static List<String> cookieNames(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf('='))).sorted().toList();
    }

    @Test
    @DisplayName("Given nobody is signed in, then the reset page opens without any per-user entitlement")
    void reachableWithoutEntitlement(KeycloakServer server, MailServer mail) {
        Page page = new ResetJourney(server.baseUrl(), realm.name(), mail).client()
                .get(server.baseUrl() + "/realms/" + realm.name() + "/login-actions/reset-credentials?client_id=account-console");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().selectFirst("#sspr-choose-user-form")).isNotNull();
        assertThat(page.document().selectFirst("altcha-widget")).isNotNull();
        assertThat(page.document().selectFirst("#sspr-helpdesk-link").attr("href")).isEqualTo(HELPDESK);
    }

    @Test
    @DisplayName("Given five wrong codes, then each says how many tries are left, the fifth blocks the account "
            + "from self-service reset, a new flow stays blocked, and Keycloak's brute-force protector counted all five")
    void fiveWrongCodes(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), realm.name(), mail);
        ResetJourney.CodeSent sent = journey.sendEmailCode(journey.startAs("fumble"), "fumble@users.test");
        codesSeen.add(sent.code());
        String wrong = sent.code().equals("00000000") ? "11111111" : "00000000";

        Page page = sent.page();
        for (int left = 4; left >= 1; left--) {
            page = journey.enterCode(page, wrong);
            assertThat(page.text()).contains("That code isn\u2019t right").contains("(" + left + " tries left)");
        }
        page = journey.enterCode(page, wrong);

        assertThat(page.document().selectFirst("#sspr-choose-user-form")).as(page.text()).isNotNull();
        assertThat(page.text()).contains("tried too many times");
        Map<String, Object> status = realm.resource().attackDetection().bruteForceUserStatus(realm.userId("fumble"));
        assertThat(((Number) status.get("numFailures")).intValue()).isEqualTo(5);
        assertThat(admin.audit(realm.name(), AuditQuery.all().withUserId(realm.userId("fumble"))))
                .anyMatch(r -> "BLOCKED".equals(r.activity()));
        // a new flow in a new browser is blocked too, before any method is offered
        Page again = new ResetJourney(server.baseUrl(), realm.name(), mail).startAs("fumble");
        assertThat(again.document().selectFirst("#sspr-methods-form")).isNull();
        assertThat(again.text()).contains("tried too many times");
    }

    @Test
    @DisplayName("Given a code that was used, then replaying it proves nothing more, and a code from an earlier flow "
            + "does not work in a new one")
    void reusedCode(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        String address = "replay@users.test";
        ResetJourney journey = new ResetJourney(server.baseUrl(), realm.name(), mail);
        ResetJourney.CodeSent sent = journey.sendEmailCode(journey.startAs("replay"), address);
        codesSeen.add(sent.code());
        Page newPassword = journey.enterCode(sent.page(), sent.code());
        assertThat(newPassword.document().selectFirst("#sspr-new-password-form")).isNotNull();

        Page replayed = journey.enterCode(sent.page(), sent.code());
        assertThat(replayed.status()).isLessThan(500);
        assertThat(replayed.document().selectFirst("#sspr-done")).isNull();

        ResetJourney second = new ResetJourney(server.baseUrl(), realm.name(), mail);
        ResetJourney.CodeSent fresh = second.sendEmailCode(second.startAs("replay"), address);
        codesSeen.add(fresh.code());
        if (!fresh.code().equals(sent.code())) {
            Page old = second.enterCode(fresh.page(), sent.code());
            assertThat(old.text()).contains("That code isn\u2019t right");
        }
        long verified = admin.audit(realm.name(), AuditQuery.all().withUserId(realm.userId("replay"))).stream()
                .filter(r -> "METHOD_VERIFIED".equals(r.gate()) && "SUCCESS".equals(r.result())).count();
        assertThat(verified).isEqualTo(1);
    }

    @Test
    @DisplayName("Given a code was just sent, then asking for another within the cooldown says how long to wait")
    void resendCooldown(KeycloakServer server, MailServer mail) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), realm.name(), mail);
        ResetJourney.CodeSent sent = journey.sendEmailCode(journey.startAs("patient"), "patient@users.test");
        codesSeen.add(sent.code());

        Page again = journey.codeAction(sent.page(), "resend");

        assertThat(again.text()).containsPattern("Wait \\d+ seconds before asking for a new code");
        assertThat(mail.messagesTo("patient@users.test")).hasSize(1);
        Page back = journey.codeAction(again, "another");
        assertThat(back.document().selectFirst("#sspr-methods-form")).isNotNull();
        // switching methods and back is no way around the cooldown
        Page sneaky = journey.chooseEmail(back);
        assertThat(sneaky.text()).containsPattern("Wait \\d+ seconds before asking for a new code");
        assertThat(mail.messagesTo("patient@users.test")).hasSize(1);
    }

    @Test
    @DisplayName("Given the realm's password policy, then a short or mismatched password is refused with Keycloak's "
            + "own messages and a good one is accepted")
    void passwordPolicy(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        RealmRepresentation settings = realm.resource().toRepresentation();
        settings.setPasswordPolicy("length(12) and notUsername");
        realm.resource().update(settings);
        try {
            ResetJourney journey = new ResetJourney(server.baseUrl(), realm.name(), mail);
            ResetJourney.CodeSent sent = journey.sendEmailCode(journey.startAs("nested"), "nested@users.test");
            codesSeen.add(sent.code());
            Page page = journey.enterCode(sent.page(), sent.code());

            page = journey.newPassword(page, "Sh0rt!", "Sh0rt!");
            assertThat(page.text()).contains("Invalid password: minimum length 12.");
            page = journey.newPassword(page, NEW_PASSWORD, NEW_PASSWORD + "x");
            assertThat(page.text()).contains("Passwords don't match.");
            page = journey.newPassword(page, "", "");
            assertThat(page.text()).contains("Please specify password.");
            page = journey.newPassword(page, NEW_PASSWORD, NEW_PASSWORD);
            assertThat(page.document().selectFirst("#sspr-done")).as(page.text()).isNotNull();
            assertThat(admin.userAccessToken(realm.name(), "nested", NEW_PASSWORD)).isNotBlank();
        } finally {
            settings.setPasswordPolicy(null);
            realm.resource().update(settings);
        }
    }
}
