package io.github.keycloaksspr.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.ws.rs.WebApplicationException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmEventsConfigRepresentation;

import io.github.keycloaksspr.it.harness.Artifacts;
import io.github.keycloaksspr.it.harness.Database;
import io.github.keycloaksspr.it.harness.KeycloakAdmin;
import io.github.keycloaksspr.it.harness.KeycloakServer;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.OutboxRow;
import io.github.keycloaksspr.it.harness.Page;
import io.github.keycloaksspr.it.harness.Ports;
import io.github.keycloaksspr.it.harness.ProvisionedRealm;
import io.github.keycloaksspr.it.harness.RealmFixture;
import io.github.keycloaksspr.it.harness.ServerSettings;
import io.github.keycloaksspr.it.harness.SsprPolicy;
import io.github.keycloaksspr.it.harness.TestUser;
import io.github.keycloaksspr.it.reset.ResetJourney;

/**
 * The outbox on PostgreSQL. Two Keycloak nodes on one database, each with its own local caches, reset passwords at
 * the same time: both nodes' drains work the same outbox table, and every notice still goes out exactly once. Wrong
 * proofs on both nodes add up to one block. And a reset whose transaction fails at commit, after the event listener wrote its row, sends nothing. Runs in its own
 * failsafe execution ({@code -Ptwo-node}), not beside the suite's server.
 */
@DisplayName("Two nodes on PostgreSQL: the outbox, the throttles, failed commits")
final class OutboxOnPostgresIT {

    private static final int USERS_PER_NODE = 15;
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(90);

    private static Database database;
    private static KeycloakServer nodeA;
    private static KeycloakServer nodeB;
    private static MailServer mail;

    @BeforeAll
    static void startNodes() {
        database = Database.postgres();
        mail = MailServer.start();
        Path target = Artifacts.buildDirectory();
        // one home per node: each builds and runs its own copy of the distribution
        nodeA = KeycloakServer.start(node(target, "a"));
        nodeB = KeycloakServer.start(node(target, "b"));
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.stop();
        }
        if (nodeA != null) {
            nodeA.stop();
        }
        if (mail != null) {
            mail.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @DisplayName("Given resets committed on both nodes at once, then each user gets exactly one notice and every "
            + "row ends SENT")
    void exactlyOnce() throws Exception {
        try (KeycloakAdmin adminA = KeycloakAdmin.connect(nodeA); KeycloakAdmin adminB = KeycloakAdmin.connect(nodeB)) {
            RealmFixture fixture = RealmFixture.named(RealmFixture.uniqueName("cluster")).mailTo(mail)
                    .policy(SsprPolicy.forEveryone());
            List<String> users = IntStream.range(0, 2 * USERS_PER_NODE).mapToObj(i -> "member" + i).toList();
            users.forEach(user -> fixture.user(TestUser.named(user)));
            ProvisionedRealm realm = fixture.create(adminA);
            enableListener(realm.resource());

            ExecutorService twoAdmins = Executors.newFixedThreadPool(2);
            try {
                Future<?> onA = twoAdmins.submit(() -> resetAll(adminA, realm.name(), users.subList(0, USERS_PER_NODE)));
                Future<?> onB = twoAdmins.submit(() -> resetAll(adminB, realm.name(),
                        users.subList(USERS_PER_NODE, users.size())));
                onA.get();
                onB.get();
            } finally {
                twoAdmins.shutdownNow();
            }

            for (String user : users) {
                mail.awaitMessagesTo(user + "@users.test", 1, MAIL_TIMEOUT);
            }
            // long enough for either node's periodic drain to run again
            Thread.sleep(Duration.ofSeconds(20).toMillis());
            for (String user : users) {
                assertThat(mail.messagesTo(user + "@users.test")).as(user).hasSize(1);
            }
            List<OutboxRow> rows = adminB.outbox(realm.name(), "?max=1000");
            assertThat(rows).hasSize(users.size()).allSatisfy(row -> {
                assertThat(row.status()).isEqualTo("SENT");
                assertThat(row.attempts()).isEqualTo(1);
            });
        }
    }

    @Test
    @DisplayName("Given three wrong codes on node A and two on node B, then the fifth blocks the account, and a new "
            + "flow on node A is refused too: the counters live in the shared database, not in either node")
    void throttlesHoldAcrossNodes() {
        try (KeycloakAdmin adminA = KeycloakAdmin.connect(nodeA)) {
            ProvisionedRealm realm = RealmFixture.named(RealmFixture.uniqueName("throttle")).mailTo(mail)
                    .user(TestUser.named("roamer")).policy(SsprPolicy.forEveryone())
                    .create(adminA);
            wrongCodes(nodeA, realm, 3);
            Page fifth = wrongCodes(nodeB, realm, 2);

            assertThat(fifth.text()).contains("tried too many times");
            Page again = new ResetJourney(nodeA.baseUrl(), realm.name(), mail).startAs("roamer");
            assertThat(again.document().selectFirst("#sspr-methods-form")).as(again.text()).isNull();
            assertThat(again.text()).contains("tried too many times");
        }
    }

    /** One flow on {@code node}: a code is mailed, then {@code count} wrong codes; the page after the last. */
    private static Page wrongCodes(KeycloakServer node, ProvisionedRealm realm, int count) {
        ResetJourney journey = new ResetJourney(node.baseUrl(), realm.name(), mail);
        ResetJourney.CodeSent sent = journey.sendEmailCode(journey.startAs("roamer"), "roamer@users.test");
        String wrong = sent.code().equals("00000000") ? "11111111" : "00000000";
        Page page = sent.page();
        for (int i = 0; i < count; i++) {
            page = journey.enterCode(page, wrong);
        }
        return page;
    }

    @Test
    @DisplayName("Given an admin reset whose transaction fails at commit after the event was handled, then the "
            + "password is unchanged and no notice is ever sent, while a reset that commits is notified")
    void failedCommitSendsNothing() throws Exception {
        try (KeycloakAdmin adminA = KeycloakAdmin.connect(nodeA)) {
            ProvisionedRealm realm = RealmFixture.named(RealmFixture.uniqueName("rollback")).mailTo(mail)
                    .user(TestUser.named("kept")).user(TestUser.named("control"))
                    .policy(SsprPolicy.forEveryone())
                    .create(adminA);
            RealmEventsConfigRepresentation events = realm.resource().getRealmEventsConfig();
            events.setAdminEventsEnabled(true);
            realm.resource().updateRealmEventsConfig(events);
            enableListener(realm.resource());
            String kept = realm.userId("kept");
            // The admin event is stored in the request's transaction and inserted at commit, after every listener
            // ran: refusing that insert makes the whole reset roll back after our listener wrote its row.
            try (Connection db = connect(); Statement sql = db.createStatement()) {
                sql.execute("CREATE FUNCTION sspr_test_refuse() RETURNS trigger AS $$ BEGIN "
                        + "RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql");
                sql.execute("CREATE TRIGGER sspr_test_refuse BEFORE INSERT ON admin_event_entity FOR EACH ROW "
                        + "WHEN (NEW.resource_path = 'users/" + kept + "/reset-password') "
                        + "EXECUTE FUNCTION sspr_test_refuse()");
            }
            try {
                assertThatThrownBy(() -> realm.user("kept").resetPassword(password()))
                        .isInstanceOf(WebApplicationException.class);
                realm.user("control").resetPassword(password());

                mail.awaitMessagesTo("control@users.test", 1, MAIL_TIMEOUT);
                // two periodic drains on each node
                Thread.sleep(Duration.ofSeconds(35).toMillis());
                assertThat(mail.messagesTo("kept@users.test")).isEmpty();
                assertThat(adminA.outbox(realm.name(), "")).extracting(OutboxRow::subjectId)
                        .containsExactly(realm.userId("control"));
                assertThat(adminA.userAccessToken(realm.name(), "kept", TestUser.DEFAULT_PASSWORD)).isNotBlank();
            } finally {
                try (Connection db = connect(); Statement sql = db.createStatement()) {
                    sql.execute("DROP TRIGGER sspr_test_refuse ON admin_event_entity");
                    sql.execute("DROP FUNCTION sspr_test_refuse()");
                }
            }
        }
    }

    /** The database both nodes use, with the credentials the harness gave Keycloak. */
    private static Connection connect() throws SQLException {
        String url = option("--db-url=");
        String user = option("--db-username=");
        return DriverManager.getConnection(url, user, "");
    }

    private static String option(String prefix) {
        return database.serverOptions().stream().filter(option -> option.startsWith(prefix))
                .map(option -> option.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + prefix + " in " + database.serverOptions()));
    }

    private static void resetAll(KeycloakAdmin admin, String realm, List<String> users) {
        RealmResource resource = admin.realm(realm);
        for (String user : users) {
            String id = resource.users().searchByUsername(user, true).get(0).getId();
            resource.users().get(id).resetPassword(password());
        }
    }

    private static ServerSettings node(Path target, String name) {
        return new ServerSettings(Artifacts.fromSystemProperties(), target.resolve("two-node-" + name), database,
                Ports.free(), Ports.free(), target.resolve("keycloak-two-node-" + name + ".log"), "127.0.0.1");
    }

    private static void enableListener(RealmResource resource) {
        RealmEventsConfigRepresentation events = resource.getRealmEventsConfig();
        List<String> listeners = new ArrayList<>(events.getEventsListeners());
        listeners.add("sspr-notify");
        events.setEventsListeners(listeners);
        resource.updateRealmEventsConfig(events);
    }

    private static CredentialRepresentation password() {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue("Cluster-Passw0rd!");
        credential.setTemporary(false);
        return credential;
    }
}
