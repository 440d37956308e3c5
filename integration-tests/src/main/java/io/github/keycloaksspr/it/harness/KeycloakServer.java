package io.github.keycloaksspr.it.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.keycloaksspr.it.harness.directory.DirectoryTls;

/** The real Keycloak distribution, with the extension in providers/, running as a child process. */
public final class KeycloakServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final int LOG_TAIL_LINES = 80;

    private final ServerSettings settings;
    private final KeycloakDistribution distribution;
    private final Process process;
    private final ServerLog log;
    private final Thread stopOnExit;
    private Duration bootTime;

    private KeycloakServer(ServerSettings settings, KeycloakDistribution distribution, Process process) {
        this.settings = settings;
        this.distribution = distribution;
        this.process = process;
        this.log = new ServerLog(settings.logFile());
        // A killed test JVM or demo must not leave a server holding its ports and memory.
        this.stopOnExit = new Thread(this::destroyProcessTree, "keycloak-stop-on-exit");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Unpacks (once), installs the provider JAR, starts the server and waits until it reports ready. */
    public static KeycloakServer start(ServerSettings settings) {
        KeycloakDistribution distribution = KeycloakDistribution.unpackOnce(
                settings.artifacts().keycloakZip(), settings.installRoot());
        boolean providerChanged = distribution.installProvider(settings.artifacts().providerJar());
        Instant started = Instant.now();
        KeycloakServer server = new KeycloakServer(settings, distribution, launch(settings, distribution));
        server.awaitReady(started);
        System.out.printf(Locale.ROOT, "[sspr] Keycloak %s on %s ready in %.1f s at %s%s; log: %s%n",
                distribution.version(), settings.database().kind(), server.bootTime.toMillis() / 1000.0,
                server.baseUrl(), providerChanged ? " (new provider JAR: server rebuilt)" : "",
                settings.logFile());
        return server;
    }

    public String baseUrl() {
        return "http://" + settings.publicHost() + ":" + settings.httpPort();
    }

    public String adminConsoleUrl() {
        return baseUrl() + "/admin/";
    }

    public String accountConsoleUrl(String realm) {
        return baseUrl() + "/realms/" + realm + "/account/";
    }

    public int httpPort() {
        return settings.httpPort();
    }

    public ServerLog log() {
        return log;
    }

    public String version() {
        return distribution.version();
    }

    public Database database() {
        return settings.database();
    }

    /** Wall time from launch to ready; includes Keycloak's build step when the provider JAR or DB kind changed. */
    public Duration bootTime() {
        return bootTime;
    }

    /** Stops the server and every process it started, and waits for them. The database is left to its owner. */
    public void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to; stopping twice is harmless.
        }
        destroyProcessTree();
    }

    @Override
    public void close() {
        stop();
    }

    private static Process launch(ServerSettings settings, KeycloakDistribution distribution) {
        List<String> command = new ArrayList<>(List.of(distribution.launcher().toString(), "start-dev",
                "--http-port=" + settings.httpPort(),
                "--http-management-port=" + settings.managementPort(),
                "--health-enabled=true",
                // One node: the distributed cache would look for peers and slow every boot.
                "--cache=local"));
        command.addAll(settings.database().serverOptions());
        // the test directories' LDAPS certificate, trusted as an operator trusts a company CA
        DirectoryTls.certificate().ifPresent(cert -> command.add("--truststore-paths=" + cert));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(distribution.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(settings.logFile().toFile())
                .redirectInput(new File("/dev/null"));
        Map<String, String> environment = builder.environment();
        // Options from the developer's shell would make runs differ from CI.
        environment.keySet().removeIf(name -> name.startsWith("KC_"));
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        try {
            Files.createDirectories(settings.logFile().getParent());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
    }

    private void awaitReady(Instant started) {
        URI ready = URI.create("http://127.0.0.1:" + settings.managementPort() + "/health/ready");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = started.plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw failure("Keycloak exited with status " + process.exitValue() + " before it was ready");
            }
            if (answers200(http, ready)) {
                bootTime = Duration.between(started, Instant.now());
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        destroyProcessTree();
        throw failure("Keycloak was not ready within " + READY_TIMEOUT.toSeconds() + " s");
    }

    private static boolean answers200(HttpClient http, URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(what + "; last lines of " + settings.logFile() + ":"
                + System.lineSeparator() + log.tail(LOG_TAIL_LINES));
    }

    /** kc.sh forwards SIGTERM to its java child; the child is signalled too in case kc.sh already exec'd or died. */
    private void destroyProcessTree() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                handle.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }

    @Override
    public String toString() {
        return "Keycloak " + distribution.version() + " on " + settings.database().kind() + " at " + baseUrl();
    }
}
