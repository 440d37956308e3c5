package io.github.keycloaksspr.it.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmEventsConfigRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.github.keycloaksspr.it.harness.FormClient;
import io.github.keycloaksspr.it.harness.KeycloakAdmin;
import io.github.keycloaksspr.it.harness.KeycloakServer;
import io.github.keycloaksspr.it.harness.KeycloakSuite;
import io.github.keycloaksspr.it.harness.MailMessage;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.Page;
import io.github.keycloaksspr.it.harness.OutboxRow;
import io.github.keycloaksspr.it.harness.ProvisionedRealm;
import io.github.keycloaksspr.it.harness.RealmFixture;
import io.github.keycloaksspr.it.harness.SsprPolicy;
import io.github.keycloaksspr.it.harness.TestUser;
import io.github.keycloaksspr.it.harness.Totp;

@ExtendWith(KeycloakSuite.class)
@DisplayName("Notifications: users and admins hear about password resets, through the durable outbox")
final class NotificationIT {

    static final String LISTENER = "sspr-notify";
    private static final String HELPDESK = "mailto:helpdesk@notify.test";
    private static final String NEW_PASSWORD = "Notified-Passw0rd!";
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);
    /** Long enough for a drain that would send a second copy to have done so. */
    private static final Duration SETTLE = Duration.ofSeconds(4);
    private static final Predicate<MailMessage> USER_NOTICE = m -> m.subject().contains("password was changed");
    private static final Predicate<MailMessage> ADMIN_ALERT = m -> m.subject().startsWith("Admin account ");

    private static ProvisionedRealm realm;

    @BeforeAll
    static void createRealm(KeycloakAdmin admin, MailServer mail) {
        realm = RealmFixture.named(RealmFixture.uniqueName("notify"))
                .mailTo(mail)
                .group("/Pilot")
                .group("/Admins/Night")
                .user(TestUser.named("ursula").inGroups("/Pilot"))
                .user(TestUser.named("walter").inGroups("/Pilot"))
                .user(TestUser.named("victor"))
                .user(TestUser.named("grete"))
                // an admin proves two methods: email and the app
                .user(TestUser.named("adam").inGroups("/Pilot").withRealmManagementRoles("realm-admin")
                        .withCredential(Totp.credential(appSecret("adam"), "phone")))
                .user(TestUser.named("bert").withRealmManagementRoles("manage-users"))
                .user(TestUser.named("cora"))
                .user(TestUser.named("dirk").inGroups("/Admins/Night"))
                .user(TestUser.named("ella").withRealmManagementRoles("realm-admin").disabled())
                .user(TestUser.named("nora").withRealmManagementRoles("view-users"))
                .policy(SsprPolicy.forGroup("/Pilot").withHelpdesk(HELPDESK).withMethods("email##authenticator-app"))
                .create(admin);
        enableListener(realm.resource());
        RealmResource resource = realm.resource();
        // cora: through a composite realm role that contains manage-users
        RoleRepresentation lead = new RoleRepresentation();
        lead.setName("helpdesk-lead");
        resource.roles().create(lead);
        resource.roles().get("helpdesk-lead").addComposites(List.of(realmManagementRole(resource, "manage-users")));
        realm.user("cora").roles().realmLevel().add(List.of(resource.roles().get("helpdesk-lead").toRepresentation()));
        // dirk: through the parent group /Admins, which holds realm-admin
        String admins = resource.getGroupByPath("/Admins").getId();
        resource.groups().group(admins).roles().clientLevel(realmManagementId(resource))
                .add(List.of(realmManagementRole(resource, "realm-admin")));
        // grete reads German
        RealmRepresentation settings = resource.toRepresentation();
        settings.setInternationalizationEnabled(true);
        settings.setSupportedLocales(Set.of("en", "de"));
        settings.setDefaultLocale("en");
        resource.update(settings);
        UserRepresentation grete = realm.user("grete").toRepresentation();
        grete.singleAttribute("locale", "de");
        realm.user("grete").update(grete);
    }

    @Test
    @DisplayName("Given a self-service reset, then the user gets one mail saying when, from which address and "
            + "browser, with the helpdesk link and no code")
    void selfServiceReset(KeycloakServer server, MailServer mail) {
        selfReset(server, mail, "ursula");

        MailMessage notice = awaitExactly(mail, "ursula@users.test", USER_NOTICE, 1).get(0);
        assertThat(notice.subject()).isEqualTo("Your " + realm.name() + " password was changed");
        assertThat(notice.text()).contains("self-service password reset").contains("ursula")
                .contains("IP address: 127.0.0.1").contains("Browser: " + FormClient.USER_AGENT)
                .contains("helpdesk@notify.test").contains(" UTC")
                .doesNotContain(NEW_PASSWORD).doesNotContainPattern("\\b\\d{8}\\b");
        assertThat(notice.html()).contains("href=\"" + HELPDESK + "\"");
    }

    @Test
    @DisplayName("Given an admin resets a user's password over admin REST, then the user gets one mail saying so")
    void adminReset(MailServer mail) {
        realm.user("victor").resetPassword(password(NEW_PASSWORD));

        MailMessage notice = awaitExactly(mail, "victor@users.test", USER_NOTICE, 1).get(0);
        assertThat(notice.text()).contains("An administrator reset the password of your account victor")
                .contains("IP address: 127.0.0.1").doesNotContain(NEW_PASSWORD);
    }

    @Test
    @DisplayName("Given a user whose locale is German, then the notice is in German")
    void germanNotice(MailServer mail) {
        realm.user("grete").resetPassword(password(NEW_PASSWORD));

        MailMessage notice = mail.awaitLatestTo("grete@users.test", MAIL_TIMEOUT);
        assertThat(notice.subject()).isEqualTo("Ihr Passwort für " + realm.name() + " wurde geändert");
        assertThat(notice.text()).contains("Ein Administrator hat das Passwort Ihres Kontos grete")
                .contains("IP-Adresse: 127.0.0.1");
    }

    @Test
    @DisplayName("Given an admin resets their own password through self-service, then every other enabled admin "
            + "(direct, composite role, parent group) gets one alert, the resetting admin and non-admins none")
    void adminSelfReset(KeycloakServer server, MailServer mail) {
        selfReset(server, mail, "adam");

        for (String other : List.of("bert", "cora", "dirk")) {
            MailMessage alert = awaitExactly(mail, other + "@users.test", ADMIN_ALERT, 1).get(0);
            assertThat(alert.subject()).isEqualTo("Admin account adam reset its " + realm.name() + " password");
            assertThat(alert.text()).contains("The admin account adam").contains("IP address: 127.0.0.1");
        }
        awaitExactly(mail, "adam@users.test", USER_NOTICE, 1);
        assertThat(mail.messagesTo("adam@users.test")).noneMatch(ADMIN_ALERT);
        assertThat(mail.messagesTo("ella@users.test")).noneMatch(ADMIN_ALERT);
        assertThat(mail.messagesTo("nora@users.test")).noneMatch(ADMIN_ALERT);
        assertThat(mail.messagesTo("ursula@users.test")).noneMatch(ADMIN_ALERT);
    }

    @Test
    @DisplayName("Given a non-admin resets through self-service, then no admin hears about it")
    void nonAdminSelfReset(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        String walter = realm.userId("walter");
        long alertsBefore = mail.messages().stream().filter(ADMIN_ALERT).count();
        selfReset(server, mail, "walter");

        awaitOutboxSettled(admin, realm.name());
        sleep(SETTLE);
        assertThat(mail.messages().stream().filter(ADMIN_ALERT).count()).isEqualTo(alertsBefore);
        assertThat(admin.outbox(realm.name(), "")).filteredOn(row -> "ADMIN_FANOUT".equals(row.kind())
                && walter.equals(row.subjectId())).isNotEmpty().allSatisfy(row -> assertThat(row.status())
                .isEqualTo("SKIPPED"));
    }

    @Test
    @DisplayName("Given both notification settings off, then neither users nor admins get mail and the outbox "
            + "stays empty")
    void settingsOff(KeycloakServer server, KeycloakAdmin admin, MailServer mail) {
        ProvisionedRealm quiet = RealmFixture.named(RealmFixture.uniqueName("quiet"))
                .mailTo(mail)
                .group("/Pilot")
                .user(TestUser.named("quietadmin").inGroups("/Pilot").withRealmManagementRoles("realm-admin")
                        .withCredential(Totp.credential(appSecret("quietadmin"), "phone")))
                .user(TestUser.named("quietpeer").withRealmManagementRoles("realm-admin"))
                .user(TestUser.named("quietuser"))
                .policy(SsprPolicy.forGroup("/Pilot").withMethods("email##authenticator-app")
                        .with("sspr.notify-users", "false").with("sspr.notify-admins", "false"))
                .create(admin);
        enableListener(quiet.resource());

        quiet.user("quietuser").resetPassword(password(NEW_PASSWORD));
        selfReset(server, mail, quiet.name(), "quietadmin");

        sleep(SETTLE);
        assertThat(admin.outbox(quiet.name(), "")).isEmpty();
        for (String user : List.of("quietadmin", "quietpeer", "quietuser")) {
            assertThat(mail.messagesTo(user + "@users.test")).noneMatch(USER_NOTICE.or(ADMIN_ALERT));
        }
    }

    @Test
    @DisplayName("Given SMTP is down during resets, then the notices wait in the outbox and each arrives exactly "
            + "once when SMTP is back")
    void smtpOutage(KeycloakAdmin admin) {
        MailServer flaky = MailServer.start();
        int port = flaky.port();
        ProvisionedRealm outage = RealmFixture.named(RealmFixture.uniqueName("outage"))
                .mailTo(flaky)
                .user(TestUser.named("olga"))
                .user(TestUser.named("otto"))
                .user(TestUser.named("oskar"))
                .policy(SsprPolicy.forEveryone())
                .create(admin);
        enableListener(outage.resource());
        flaky.stop();
        MailServer back = null;
        try {
            List<String> users = List.of("olga", "otto", "oskar");
            users.forEach(user -> outage.user(user).resetPassword(password(NEW_PASSWORD)));
            List<OutboxRow> waiting = awaitOutbox(admin, outage.name(), rows -> rows.size() == 3
                    && rows.stream().allMatch(row -> "PENDING".equals(row.status()) && row.attempts() >= 1));
            assertThat(waiting).allSatisfy(row -> assertThat(row.lastError()).isNotBlank());

            back = MailServer.start(port);
            Duration retryWindow = Duration.ofSeconds(90);
            for (String user : users) {
                back.awaitMessagesTo(user + "@users.test", 1, retryWindow);
            }
            sleep(SETTLE);
            for (String user : users) {
                assertThat(back.messagesTo(user + "@users.test")).as(user).hasSize(1);
            }
            assertThat(admin.outbox(outage.name(), "?status=SENT")).hasSize(3);
        } finally {
            if (back != null) {
                back.stop();
            }
        }
    }

    @Test
    @DisplayName("Given invalid outbox parameters or no token, then the endpoint refuses them")
    void outboxEndpointValidation(KeycloakAdmin admin) {
        Optional<String> token = Optional.of(admin.accessToken());
        assertThat(admin.outboxResponse(realm.name(), "?status=LOST", token).statusCode()).isEqualTo(400);
        assertThat(admin.outboxResponse(realm.name(), "?max=0", token).statusCode()).isEqualTo(400);
        assertThat(admin.outboxResponse(realm.name(), "?first=-1", token).statusCode()).isEqualTo(400);
        assertThat(admin.outboxResponse(realm.name(), "?max=ten", token).statusCode()).isEqualTo(400);
        HttpResponse<String> ok = admin.outboxResponse(realm.name(), "?status=sent&first=0&max=5", token);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(admin.outboxResponse(realm.name(), "", Optional.empty()).statusCode()).isEqualTo(401);
        String plainUser = admin.userAccessToken(realm.name(), "nora", TestUser.DEFAULT_PASSWORD);
        assertThat(admin.outboxResponse(realm.name(), "", Optional.of(plainUser)).statusCode()).isEqualTo(403);
    }

    static void enableListener(RealmResource resource) {
        RealmEventsConfigRepresentation events = resource.getRealmEventsConfig();
        List<String> listeners = new ArrayList<>(events.getEventsListeners());
        listeners.add(LISTENER);
        events.setEventsListeners(listeners);
        resource.updateRealmEventsConfig(events);
    }

    private static void selfReset(KeycloakServer server, MailServer mail, String username) {
        selfReset(server, mail, realm.name(), username);
    }

    /** A reset by email code; an admin, who must prove a second method, adds the code of the app. */
    private static void selfReset(KeycloakServer server, MailServer mail, String realmName, String username) {
        ResetJourney journey = new ResetJourney(server.baseUrl(), realmName, mail);
        ResetJourney.CodeSent sent = journey.sendEmailCode(journey.startAs(username), username + "@users.test");
        Page next = journey.enterCode(sent.page(), sent.code());
        if (next.document().selectFirst("#sspr-methods-form") != null) {
            next = journey.enterAppCode(journey.choose(next, "authenticator-app"), Totp.now(appSecret(username)));
        }
        assertThat(journey.newPassword(next, NEW_PASSWORD, NEW_PASSWORD).document().selectFirst("#sspr-done"))
                .isNotNull();
    }

    private static String appSecret(String username) {
        return "app-secret-of-" + username;
    }

    /** Waits for {@code count} matching mails, then checks that no further copy arrives. */
    private static List<MailMessage> awaitExactly(MailServer mail, String address, Predicate<MailMessage> kind,
                                                  int count) {
        Instant deadline = Instant.now().plus(MAIL_TIMEOUT);
        while (matching(mail, address, kind).size() < count && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(200));
        }
        assertThat(matching(mail, address, kind)).as("mails to %s", address).hasSize(count);
        sleep(SETTLE);
        List<MailMessage> settled = matching(mail, address, kind);
        assertThat(settled).as("mails to %s after settling", address).hasSize(count);
        return settled;
    }

    private static List<MailMessage> matching(MailServer mail, String address, Predicate<MailMessage> kind) {
        return mail.messagesTo(address).stream().filter(kind).toList();
    }

    private static void awaitOutboxSettled(KeycloakAdmin admin, String realmName) {
        awaitOutbox(admin, realmName, rows -> rows.stream()
                .noneMatch(row -> "PENDING".equals(row.status()) || "SENDING".equals(row.status())));
    }

    private static List<OutboxRow> awaitOutbox(KeycloakAdmin admin, String realmName,
                                               Predicate<List<OutboxRow>> condition) {
        Instant deadline = Instant.now().plus(MAIL_TIMEOUT);
        List<OutboxRow> rows = admin.outbox(realmName, "");
        while (!condition.test(rows)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Outbox of " + realmName + " never reached the expected state: " + rows);
            }
            sleep(Duration.ofMillis(300));
            rows = admin.outbox(realmName, "");
        }
        return rows;
    }

    static CredentialRepresentation password(String value) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(value);
        credential.setTemporary(false);
        return credential;
    }

    private static String realmManagementId(RealmResource resource) {
        ClientRepresentation client = resource.clients().findByClientId("realm-management").get(0);
        return client.getId();
    }

    private static RoleRepresentation realmManagementRole(RealmResource resource, String name) {
        return resource.clients().get(realmManagementId(resource)).roles().get(name).toRepresentation();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
