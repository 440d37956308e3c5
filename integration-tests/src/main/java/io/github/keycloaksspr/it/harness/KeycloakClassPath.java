package io.github.keycloaksspr.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The provider JAR on top of exactly the libraries the Keycloak distribution ships, and nothing from the test's own
 * classpath: what the extension's classes can link against when Keycloak runs them. Lets a test exercise the shaded
 * third-party code without booting a server.
 */
public final class KeycloakClassPath {

    private KeycloakClassPath() {
    }

    /** A fresh class loader over Keycloak's {@code lib/lib/boot} and {@code lib/lib/main} and the provider JAR. */
    public static URLClassLoader withProvider(Artifacts artifacts) {
        KeycloakDistribution distribution =
                KeycloakDistribution.unpackOnce(artifacts.keycloakZip(), Artifacts.buildDirectory());
        List<URL> urls = new ArrayList<>();
        urls.add(url(artifacts.providerJar()));
        for (String folder : List.of("lib/lib/boot", "lib/lib/main")) {
            try (Stream<Path> jars = Files.list(distribution.home().resolve(folder))) {
                jars.filter(jar -> jar.getFileName().toString().endsWith(".jar")).sorted().map(KeycloakClassPath::url)
                        .forEach(urls::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + folder + " of " + distribution.home(), e);
            }
        }
        // the platform loader gives the JDK's modules (java.net.http, java.xml) but no class from the test classpath
        return new URLClassLoader("keycloak-" + distribution.version(), urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }
}
