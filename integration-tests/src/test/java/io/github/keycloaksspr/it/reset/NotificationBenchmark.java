package io.github.keycloaksspr.it.reset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.github.keycloaksspr.it.harness.Database;
import io.github.keycloaksspr.it.harness.KeycloakAdmin;
import io.github.keycloaksspr.it.harness.KeycloakServer;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.Page;
import io.github.keycloaksspr.it.harness.ProvisionedRealm;
import io.github.keycloaksspr.it.harness.RealmFixture;
import io.github.keycloaksspr.it.harness.ServerSettings;
import io.github.keycloaksspr.it.harness.SsprPolicy;
import io.github.keycloaksspr.it.harness.TestUser;
import io.github.keycloaksspr.it.harness.Totp;

/**
 * Prints how long the reset's last request (new password: the one that writes the notifications) takes, in pairs
 * of realms that differ in one thing only: 0 vs 200 other admins, and an SMTP server that answers at once vs after
 * 2 s. The pairs run interleaved on one server, so both sides share the same machine load. Not a test: it asserts
 * nothing and prints figures. {@code ./mvnw -B verify -Pbenchmark} (see the README).
 */
public final class NotificationBenchmark {

    private static final int ROUNDS = Integer.getInteger("sspr.bench.rounds", 8);
    private static final int ADMINS = Integer.getInteger("sspr.bench.admins", 200);
    private static final Duration SMTP_DELAY = Duration.ofSeconds(2);
    private static final String[] PASSWORDS = {"Bench-Passw0rd-A!", "Bench-Passw0rd-B!"};

    private NotificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Database database = Database.fromSystemProperty();
        try (MailServer mail = MailServer.start(); SlowSmtp slow = SlowSmtp.start(mail.port(), SMTP_DELAY);
             KeycloakServer server = KeycloakServer.start(ServerSettings.forTests(database));
             KeycloakAdmin admin = KeycloakAdmin.connect(server)) {
            ProvisionedRealm noAdmins = realm(admin, mail, "bench-admins-0");
            ProvisionedRealm manyAdmins = realm(admin, mail, "bench-admins-" + ADMINS);
            addAdmins(manyAdmins, ADMINS);
            ProvisionedRealm fastSmtp = realm(admin, mail, "bench-smtp-fast");
            ProvisionedRealm slowSmtp = realm(admin, mail, "bench-smtp-slow");
            pointAt(slowSmtp, slow.port());

            // first resets warm the server's caches and JIT; not measured
            for (ProvisionedRealm realm : List.of(noAdmins, manyAdmins, fastSmtp, slowSmtp)) {
                timedReset(server, mail, realm, 0);
            }
            Series zero = new Series("0 other admins");
            Series many = new Series(ADMINS + " other admins");
            Series fast = new Series("SMTP answers at once");
            Series delayed = new Series("SMTP answers after " + SMTP_DELAY.toSeconds() + " s");
            for (int round = 1; round <= ROUNDS; round++) {
                zero.add(timedReset(server, mail, noAdmins, round));
                many.add(timedReset(server, mail, manyAdmins, round));
                fast.add(timedReset(server, mail, fastSmtp, round));
                delayed.add(timedReset(server, mail, slowSmtp, round));
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "Reset request latency (new-password POST), %d rounds, Keycloak %s on %s%n",
                    ROUNDS, server.version(), database.kind());
            for (Series series : List.of(zero, many, fast, delayed)) {
                System.out.println(series);
            }
            System.out.printf(Locale.ROOT, "ratio %d admins / 0 admins (median): %.2f%n", ADMINS,
                    many.median() / zero.median());
            System.out.printf(Locale.ROOT, "ratio slow SMTP / fast SMTP (median): %.2f%n",
                    delayed.median() / fast.median());
            System.out.printf(Locale.ROOT, "mails received meanwhile: %d%n", mail.messages().size());
        } finally {
            database.close();
        }
    }

    private static final String BOSS_APP = "benchmark-boss-app-secret";

    private static ProvisionedRealm realm(KeycloakAdmin admin, MailServer mail, String prefix) {
        ProvisionedRealm realm = RealmFixture.named(RealmFixture.uniqueName(prefix)).mailTo(mail)
                .user(TestUser.named("boss").withRealmManagementRoles("realm-admin")
                        .withCredential(Totp.credential(BOSS_APP, "phone")))
                .policy(SsprPolicy.forEveryone().withMethods("email##authenticator-app"))
                .create(admin);
        NotificationIT.enableListener(realm.resource());
        // an admin proves two methods; rounds come faster than the app's 30-second steps
        RealmRepresentation settings = realm.resource().toRepresentation();
        settings.setOtpPolicyCodeReusable(true);
        realm.resource().update(settings);
        return realm;
    }

    /** One partial import instead of 200 rounds of admin calls. */
    private static void addAdmins(ProvisionedRealm realm, int count) {
        List<UserRepresentation> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UserRepresentation user = new UserRepresentation();
            user.setUsername("admin" + i);
            user.setEmail("admin" + i + "@admins.test");
            user.setEmailVerified(true);
            user.setEnabled(true);
            user.setFirstName("admin" + i);
            user.setLastName("Bench");
            user.setClientRoles(Map.of("realm-management", List.of("realm-admin")));
            users.add(user);
        }
        PartialImportRepresentation partial = new PartialImportRepresentation();
        partial.setUsers(users);
        partial.setIfResourceExists(PartialImportRepresentation.Policy.FAIL.name());
        try (Response response = realm.resource().partialImport(partial)) {
            if (response.getStatus() != 200) {
                throw new IllegalStateException("Partial import answered " + response.getStatus());
            }
        }
    }

    private static void pointAt(ProvisionedRealm realm, int port) {
        RealmRepresentation representation = realm.resource().toRepresentation();
        Map<String, String> smtp = new HashMap<>(representation.getSmtpServer());
        smtp.put("port", Integer.toString(port));
        representation.setSmtpServer(smtp);
        realm.resource().update(representation);
    }

    /** A whole self-service reset as boss; returns the milliseconds of the request that sets the new password. */
    private static double timedReset(KeycloakServer server, MailServer mail, ProvisionedRealm realm, int round) {
        // the previous reset's notice must be in first, or it could be taken for the code mail
        awaitNotices(mail, realm, round);
        ResetJourney journey = new ResetJourney(server.baseUrl(), realm.name(), mail);
        ResetJourney.CodeSent sent = journey.sendEmailCode(journey.startAs("boss"), "boss@users.test");
        Page second = journey.enterCode(sent.page(), sent.code());
        Page newPassword = journey.enterAppCode(journey.choose(second, "authenticator-app"), Totp.now(BOSS_APP));
        String password = PASSWORDS[round % 2];
        long start = System.nanoTime();
        Page done = journey.newPassword(newPassword, password, password);
        double millis = (System.nanoTime() - start) / 1_000_000.0;
        if (done.document().selectFirst("#sspr-done") == null) {
            throw new IllegalStateException("Reset in " + realm.name() + " did not finish: " + done.text());
        }
        return millis;
    }

    private static void awaitNotices(MailServer mail, ProvisionedRealm realm, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (mail.messagesTo("boss@users.test").stream()
                .filter(m -> m.subject().equals("Your " + realm.name() + " password was changed")).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Notice " + count + " of " + realm.name() + " never arrived");
            }
            NotificationIT.sleep(Duration.ofMillis(100));
        }
    }

    private static final class Series {
        private final String name;
        private final List<Double> millis = new ArrayList<>();

        Series(String name) {
            this.name = name;
        }

        void add(double value) {
            millis.add(value);
        }

        double median() {
            List<Double> sorted = millis.stream().sorted().toList();
            int middle = sorted.size() / 2;
            return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        }

        @Override
        public String toString() {
            List<Double> sorted = millis.stream().sorted().toList();
            return String.format(Locale.ROOT, "%-28s median %7.1f ms   min %7.1f ms   max %7.1f ms", name, median(),
                    sorted.get(0), sorted.get(sorted.size() - 1));
        }
    }
}
