package io.github.keycloaksspr.it.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
import io.github.keycloaksspr.it.harness.Totp;

@ExtendWith(KeycloakSuite.class)
@DisplayName("N of M: authenticator app codes, two methods, the admin rule, and requests that try to skip a step")
final class NofMIT {

    private static final String NEW_PASSWORD = "Another-new-Passw0rd!";

    private static ProvisionedRealm one;
    private static ProvisionedRealm two;

    @BeforeAll
    static void createRealms(KeycloakAdmin admin, MailServer mail) {
        one = RealmFixture.named(RealmFixture.uniqueName("one-of"))
                .mailTo(mail)
                .user(app(TestUser.named("appuser"), "appuser-secret-0001"))
                .user(app(TestUser.named("badcode"), "badcode-secret-0002"))
                .user(TestUser.named("lonelyadmin").withRealmManagementRoles("manage-users"))
                .user(app(TestUser.named("twoadmin"), "twoadmin-secret-03").withRealmManagementRoles("realm-admin"))
                .user(TestUser.named("mailonly"))
                .user(app(TestUser.named("opslead"), "opslead-secret-007").withCredential(MethodsIT.fiveQuestions())
                        .inGroups("/Ops/Leads"))
                .policy(SsprPolicy.forEveryone()
                        .withMethods("email##authenticator-app##security-questions").withMethodsRequired(1))
                .create(admin);
        grantAdminThroughGroup(one.resource(), "/Ops");
        two = RealmFixture.named(RealmFixture.uniqueName("two-of"))
                .mailTo(mail)
                .user(app(TestUser.named("both"), "both-secret-000004"))
                .user(app(TestUser.named("skipper"), "skipper-secret-005"))
                .user(app(TestUser.named("replayer"), "replayer-secret-06"))
                .user(TestUser.named("single"))
                .policy(SsprPolicy.forEveryone()
                        .withMethods("email##authenticator-app").withMethodsRequired(2))
                .create(admin);
    }

    /**
     * Signs in with the password alone: the direct grant asks users with an app for its code too, so the app is
     * removed first; it has done its part in the reset by then.
     */
    private static String signsIn(KeycloakAdmin admin, ProvisionedRealm realm, String username, String password) {
        realm.user(username).credentials().stream().filter(c -> "otp".equals(c.getType()))
                .forEach(c -> realm.user(username).removeCredential(c.getId()));
        return admin.userAccessToken(realm.name(), username, password);
    }

    /**
     * Makes members of {@code groupPath} (and its subgroups) admins the indirect way: the group holds a realm role
     * that is a composite of realm-management's manage-users.
     */
    private static void grantAdminThroughGroup(RealmResource realm, String groupPath) {
        RoleRepresentation lead = new RoleRepresentation();
        lead.setName("ops-lead");
        realm.roles().create(lead);
        ClientRepresentation management = realm.clients().findByClientId("realm-management").get(0);
        RoleRepresentation manageUsers = realm.clients().get(management.getId()).roles().get("manage-users")
                .toRepresentation();
        realm.roles().get("ops-lead").addComposites(List.of(manageUsers));
        GroupRepresentation group = realm.getGroupByPath(groupPath);
        realm.groups().group(group.getId()).roles().realmLevel()
                .add(List.of(realm.roles().get("ops-lead").toRepresentation()));
    }

    private static TestUser app(TestUser user, String secret) {
        return user.withCredential(Totp.credential(secret, "Phone of " + user.username()));
    }

    @Test
    @DisplayName("Given an authenticator app, then its current code proves the user and the password is reset")
    void authenticatorApp(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), one.name(), mail);
        Page methods = journey.startAs("appuser");
        assertThat(methods.document().select("#sspr-method-authenticator-app").text())
                .contains("authenticator app");
        assertThat(methods.document().selectFirst("#sspr-progress")).isNull();

        Page appPage = journey.choose(methods, "authenticator-app");
        Page newPassword = journey.enterAppCode(appPage, Totp.now("appuser-secret-0001"));

        assertThat(newPassword.document().selectFirst("#sspr-new-password-form")).as(newPassword.text()).isNotNull();
        journey.newPassword(newPassword, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(signsIn(admin, one, "appuser", NEW_PASSWORD)).isNotBlank();
        List<AuditRecord> records = admin.audit(one.name(), AuditQuery.all().withUserId(one.userId("appuser")));
        assertThat(records).anyMatch(r -> "METHOD_VERIFIED".equals(r.gate()) && "authenticator-app".equals(r.method())
                && "SUCCESS".equals(r.result()));
    }

    @Test
    @DisplayName("Given a wrong app code, then the page says so and the right one still works")
    void wrongAppCode(KeycloakServer server, MailServer mail) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), one.name(), mail);
        Page appPage = journey.choose(journey.startAs("badcode"), "authenticator-app");
        String right = Totp.now("badcode-secret-0002");
        String wrong = right.equals("000000") ? "111111" : "000000";

        Page again = journey.enterAppCode(appPage, wrong);
        assertThat(again.text()).contains("isn’t right");

        Page newPassword = journey.enterAppCode(again, Totp.now("badcode-secret-0002"));
        assertThat(newPassword.document().selectFirst("#sspr-new-password-form")).as(newPassword.text()).isNotNull();
    }

    @Test
    @DisplayName("Given an admin holding only email in a one-method realm, then the admin is sent to the helpdesk")
    void adminWithOneMethodIsRefused(KeycloakServer server, MailServer mail) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), one.name(), mail);
        Page page = journey.startAs("lonelyadmin");
        assertThat(page.document().selectFirst("#sspr-unavailable")).as(page.text()).isNotNull();
        // the same account without the role may reset with one method
        Page plain = new ResetJourney(server.baseUrl(), one.name(), mail).startAs("mailonly");
        assertThat(plain.document().selectFirst("#sspr-methods-form")).as(plain.text()).isNotNull();
    }

    @Test
    @DisplayName("Given an admin with email and an app in a one-method realm, then both are asked for, step 1 of 2")
    void adminNeedsTwo(KeycloakServer server, MailServer mail) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), one.name(), mail);
        Page methods = journey.startAs("twoadmin");
        assertThat(methods.document().select("#sspr-progress").text()).isEqualTo("Step 1 of 2");
        ResetJourney.CodeSent sent = journey.sendEmailCode(methods, "twoadmin@users.test");
        Page second = journey.enterCode(sent.page(), sent.code());

        assertThat(second.document().select("#sspr-progress").text()).isEqualTo("Step 2 of 2");
        assertThat(second.document().select("button[name=sspr-method]")).extracting(e -> e.attr("value"))
                .containsExactly("authenticator-app");
        Page newPassword = journey.enterAppCode(journey.choose(second, "authenticator-app"),
                Totp.now("twoadmin-secret-03"));
        assertThat(newPassword.document().selectFirst("#sspr-new-password-form")).as(newPassword.text()).isNotNull();
    }

    @Test
    @DisplayName("Given an admin only through a parent group's composite role, then two methods are asked for and "
            + "security questions are not offered")
    void adminThroughGroupAndComposite(KeycloakServer server, MailServer mail) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), one.name(), mail);
        Page methods = journey.startAs("opslead");

        assertThat(methods.document().select("#sspr-progress").text()).isEqualTo("Step 1 of 2");
        assertThat(methods.document().select("button[name=sspr-method]")).extracting(e -> e.attr("value"))
                .containsExactly("email", "authenticator-app");
    }

    @Test
    @DisplayName("Given N=2, then email and the app are both proven, in either order, before a new password")
    void twoMethods(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), two.name(), mail);
        Page methods = journey.startAs("both");
        assertThat(methods.document().select("#sspr-progress").text()).isEqualTo("Step 1 of 2");

        Page second = journey.enterAppCode(journey.choose(methods, "authenticator-app"), Totp.now("both-secret-000004"));
        assertThat(second.document().select("#sspr-progress").text()).isEqualTo("Step 2 of 2");
        ResetJourney.CodeSent sent = journey.sendEmailCode(second, "both@users.test");
        Page newPassword = journey.enterCode(sent.page(), sent.code());

        journey.newPassword(newPassword, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(signsIn(admin, two, "both", NEW_PASSWORD)).isNotBlank();
    }

    @Test
    @DisplayName("Given N=2 and a user holding one method, then the user is sent to the helpdesk")
    void notEnoughMethods(KeycloakServer server, MailServer mail) {
        Page page = new ResetJourney(server.baseUrl(), two.name(), mail).startAs("single");
        assertThat(page.document().selectFirst("#sspr-unavailable")).as(page.text()).isNotNull();
    }

    @Test
    @DisplayName("Given requests that try to skip a step, then none gets past verification")
    void noSkipping(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), two.name(), mail);
        Page methods = journey.startAs("skipper");

        // a code posted with nothing pending
        Page noPending = methods.form("#sspr-methods-form").submit("sspr-action", "verify", Map.of("code", "12345678"));
        assertThat(noPending.text()).contains("no longer works");
        // a method the user doesn't hold, and one that doesn't exist
        // (each from the page before: Keycloak itself refuses a stale form with "Action expired")
        Page notHeld = journey.choose(noPending, "mobile-sms");
        assertThat(notHeld.text()).contains("isn’t available");
        Page unknown = journey.choose(notHeld, "carrier-pigeon");
        assertThat(unknown.text()).contains("isn’t available");
        // a new password posted to the verification step
        Page posted = unknown.form("#sspr-methods-form").submit("sspr-action", "save",
                Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD));
        assertThat(posted.document().selectFirst("#sspr-methods-form")).as(posted.text()).isNotNull();

        // one method proven, then the proven method's form replayed: still step 2, the app still required
        ResetJourney.CodeSent sent = journey.sendEmailCode(posted, "skipper@users.test");
        Page second = journey.enterCode(sent.page(), sent.code());
        assertThat(second.document().select("#sspr-progress").text()).isEqualTo("Step 2 of 2");
        Page replayed = journey.enterCode(sent.page(), sent.code());
        assertThat(replayed.document().selectFirst("#sspr-new-password-form")).isNull();
        assertThat(replayed.document().select("#sspr-progress").text()).isEqualTo("Step 2 of 2");
        // and email can't be picked again to count twice
        assertThat(journey.choose(replayed, "email").text()).contains("isn’t available");
        assertThat(signsIn(admin, two, "skipper", TestUser.DEFAULT_PASSWORD)).isNotBlank();
    }

    @Test
    @DisplayName("Given two tabs of one browser, then a proof or a code of one tab counts for nothing in the other")
    void twoTabs(KeycloakServer server, MailServer mail) {
        // one cookie jar, two flows: Keycloak keeps both in one session and tells them apart by tab_id
        ResetJourney journey = new ResetJourney(server.baseUrl(), two.name(), mail);
        Page tab1 = journey.startAs("replayer");
        Page tab2 = journey.startAs("replayer");
        assertThat(tabId(tab2)).isNotEqualTo(tabId(tab1));

        // tab 1 sends an email code; tab 2 then proves the app and moves on to step 2
        ResetJourney.CodeSent sent1 = journey.sendEmailCode(tab1, "replayer@users.test");
        Page tab2Second = journey.enterAppCode(journey.choose(tab2, "authenticator-app"),
                Totp.now("replayer-secret-06"));
        assertThat(tab2Second.document().select("#sspr-progress").text()).isEqualTo("Step 2 of 2");

        // tab 1's code page, posted after tab 2 moved on: its code proves email; tab 2's app doesn't count
        Page tab1Second = journey.enterCode(sent1.page(), sent1.code());
        assertThat(tab1Second.document().selectFirst("#sspr-new-password-form")).as(tab1Second.text()).isNull();
        assertThat(tab1Second.document().select("#sspr-progress").text()).isEqualTo("Step 2 of 2");
        assertThat(tab1Second.document().select("button[name=sspr-method]")).extracting(e -> e.attr("value"))
                .containsExactly("authenticator-app");

        // tab 2 can't finish with tab 1's code: nothing is pending there, and once its own is sent, that one alone
        Page noPending = tab2Second.form("#sspr-methods-form")
                .submit("sspr-action", "verify", Map.of("code", sent1.code()));
        assertThat(noPending.text()).contains("no longer works");
        assertThat(noPending.document().selectFirst("#sspr-new-password-form")).isNull();
        ResetJourney.CodeSent sent2 = journey.sendEmailCode(noPending, "replayer@users.test");
        assertThat(sent2.code()).isNotEqualTo(sent1.code());
        Page borrowed = journey.enterCode(sent2.page(), sent1.code());
        assertThat(borrowed.text()).contains("isn’t right");
        assertThat(borrowed.document().selectFirst("#sspr-new-password-form")).isNull();
        Page newPassword = journey.enterCode(borrowed, sent2.code());
        assertThat(newPassword.document().selectFirst("#sspr-new-password-form")).as(newPassword.text()).isNotNull();
    }

    private static String tabId(Page page) {
        String query = URI.create(page.form("#sspr-methods-form").action()).getRawQuery();
        return Arrays.stream(query.split("&")).filter(p -> p.startsWith("tab_id=")).findFirst()
                .orElseThrow(() -> new AssertionError("no tab_id in " + query));
    }
}
