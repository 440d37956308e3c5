package io.github.keycloaksspr.it.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two files the build copies into {@code target/sspr/}: the Keycloak server zip and the extension JAR.
 * Maven passes their paths as system properties; the defaults let a test run from an IDE after one build.
 */
public record Artifacts(Path keycloakZip, Path providerJar) {

    public static Artifacts fromSystemProperties() {
        Path dir = buildDirectory().resolve("sspr");
        return new Artifacts(
                Path.of(System.getProperty("sspr.keycloak.zip", dir.resolve("keycloak-dist.zip").toString())),
                Path.of(System.getProperty("sspr.provider.jar", dir.resolve("keycloak-sspr.jar").toString())));
    }

    /** The module's {@code target/} directory: logs, screenshots and the unpacked test server live there. */
    public static Path buildDirectory() {
        return Path.of(System.getProperty("sspr.it.target", "target")).toAbsolutePath().normalize();
    }

    public Artifacts {
        requireFile(keycloakZip, "Keycloak distribution zip");
        requireFile(providerJar, "keycloak-sspr provider JAR");
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(what + " not found at " + file
                    + "; build it first with ./mvnw -pl integration-tests -am process-resources");
        }
    }
}
