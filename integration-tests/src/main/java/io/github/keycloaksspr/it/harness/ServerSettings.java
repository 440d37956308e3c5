package io.github.keycloaksspr.it.harness;

import java.nio.file.Path;

/**
 * How to run one Keycloak: where its home goes, which ports and database it uses, where its output goes.
 *
 * @param installRoot    the directory that receives {@code keycloak-<version>/}
 * @param publicHost     the host name in {@link KeycloakServer#baseUrl()}; Keycloak's dev mode derives its
 *                       issuer from the request, so tests and a browser must use the same one
 */
public record ServerSettings(Artifacts artifacts, Path installRoot, Database database,
                             int httpPort, int managementPort, Path logFile, String publicHost) {

    /** A throw-away server for the integration suite: free ports, home and log under target/. */
    public static ServerSettings forTests(Database database) {
        Path target = Artifacts.buildDirectory();
        return new ServerSettings(Artifacts.fromSystemProperties(), target, database,
                Ports.free(), Ports.free(), target.resolve("keycloak-" + database.kind() + ".log"), "127.0.0.1");
    }

    /** The demo's server: fixed ports, its home and file database under {@code demoHome}, kept across runs. */
    public static ServerSettings forDemo(Path demoHome, int httpPort, int managementPort) {
        return new ServerSettings(Artifacts.fromSystemProperties(), demoHome, Database.h2File(),
                httpPort, managementPort, demoHome.resolve("keycloak.log"), "localhost");
    }
}
