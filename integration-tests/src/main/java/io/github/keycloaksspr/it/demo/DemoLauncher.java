package io.github.keycloaksspr.it.demo;

import io.github.keycloaksspr.it.harness.KeycloakAdmin;
import io.github.keycloaksspr.it.harness.KeycloakServer;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.ServerSettings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./mvnw -Pdemo verify}: Keycloak with the extension, an SMTP server with a web mailbox, and a realm set up
 * like Microsoft's SSPR tutorial. State lives in {@code .demo/} and survives rebuilds; Ctrl-C stops everything.
 */
public final class DemoLauncher {

    private DemoLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        DemoPorts ports = DemoPorts.fromSystemProperties();
        Optional<String> busy = ports.firstBusy();
        if (busy.isPresent()) {
            System.err.println(busy.get());
            System.exit(1);
        }
        Path home = Path.of(System.getProperty("sspr.demo.home", ".demo")).toAbsolutePath().normalize();
        Running running = new Running();
        // Registered before anything starts, so Ctrl-C during Keycloak's boot still cleans up.
        Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "sspr-demo-stop"));
        try {
            running.mail = MailServer.start(ports.smtp());
            running.viewer = MailViewer.start(running.mail, ports.mailViewer());
            System.out.println("[sspr-demo] Starting Keycloak; the first start unpacks it and takes a minute or two.");
            running.server = KeycloakServer.start(ServerSettings.forDemo(home, ports.http(), ports.management()));
            running.admin = KeycloakAdmin.connect(running.server);
            DemoRealm.Outcome realm = DemoRealm.ensure(running.admin, running.mail);
            System.out.println(banner(running.server, ports, home, realm.created()));
        } catch (RuntimeException e) {
            System.err.println("[sspr-demo] Could not start: " + e.getMessage());
            System.exit(1);
        }
        // Everything runs in other threads and processes; wait for Ctrl-C.
        new CountDownLatch(1).await();
    }

    private static String banner(KeycloakServer server, DemoPorts ports, Path home, boolean created) {
        String mailbox = "http://localhost:" + ports.mailViewer() + "/";
        String n = System.lineSeparator();
        return n + "SSPR demo is running (realm " + DemoRealm.NAME + (created ? " created" : " kept from last time")
                + "). Press Ctrl-C to stop." + n + n
                + "  Admin console  " + server.adminConsoleUrl() + "   admin / admin" + n
                + "  Demo sign-in   " + server.accountConsoleUrl(DemoRealm.NAME) + "   (\"Forgot password?\" starts SSPR)" + n
                + user(DemoRealm.MEMBER.username(), DemoRealm.MEMBER.password(), "in SSPR-Test-Group: may reset")
                + user(DemoRealm.NEWCOMER.username(), DemoRealm.NEWCOMER.password(),
                        "in the group, nothing registered: sign-in asks to register")
                + user(DemoRealm.OUTSIDER.username(), DemoRealm.OUTSIDER.password(), "not in the group: is refused")
                + user(DemoRealm.ADMIN.username(), DemoRealm.ADMIN.password(), "realm admin of " + DemoRealm.NAME)
                + "  Mailbox        " + mailbox + "   every mail Keycloak sends (SMTP on port " + ports.smtp() + ")" + n
                + "  Data           " + home + "   (delete it to start over)" + n
                + "  Server log     " + server.log().file() + n;
    }

    private static String user(String username, String password, String note) {
        return String.format(Locale.ROOT, "                   %-11s / %-16s %s%n", username, password, note);
    }

    /** What is up so far; the shutdown hook stops whatever got started, newest first. */
    private static final class Running {
        private volatile MailServer mail;
        private volatile MailViewer viewer;
        private volatile KeycloakServer server;
        private volatile KeycloakAdmin admin;

        void stop() {
            if (admin != null) {
                admin.close();
            }
            if (server != null) {
                server.stop();
            }
            if (viewer != null) {
                viewer.stop();
            }
            if (mail != null) {
                mail.stop();
            }
            System.out.println("[sspr-demo] Stopped. Data kept in .demo/.");
        }
    }
}
