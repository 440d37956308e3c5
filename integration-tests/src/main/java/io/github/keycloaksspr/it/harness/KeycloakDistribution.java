package io.github.keycloaksspr.it.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** An unpacked Keycloak server directory ({@code keycloak-<version>/}) with the extension in its providers/. */
final class KeycloakDistribution {

    /** The name the extension gets in providers/; older copies under other names are removed. */
    private static final String PROVIDER_FILE = "keycloak-sspr.jar";

    private final Path home;

    private KeycloakDistribution(Path home) {
        this.home = home;
    }

    /** Unpacks {@code zip} into {@code parent} unless an earlier run already did. */
    static KeycloakDistribution unpackOnce(Path zip, Path parent) {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            String topDirectory = topDirectory(archive);
            Path home = parent.resolve(topDirectory);
            if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
                unpack(archive, parent, topDirectory);
            }
            return new KeycloakDistribution(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + zip, e);
        }
    }

    Path home() {
        return home;
    }

    Path launcher() {
        return home.resolve("bin/kc.sh");
    }

    String version() {
        return home.getFileName().toString().replaceFirst("^keycloak-", "");
    }

    /**
     * Puts {@code jar} into providers/. Returns whether it changed: only then does Keycloak re-run its build step,
     * so a JAR with the same content is left alone (with its old timestamp) and the boot stays fast.
     */
    boolean installProvider(Path jar) {
        Path providers = home.resolve("providers");
        Path target = providers.resolve(PROVIDER_FILE);
        try {
            Files.createDirectories(providers);
            if (Files.isRegularFile(target) && sameContent(target, jar)) {
                return false;
            }
            try (Stream<Path> stale = Files.list(providers)) {
                for (Path old : stale.filter(KeycloakDistribution::isOurJar).toList()) {
                    Files.delete(old);
                }
            }
            Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install " + jar + " into " + providers, e);
        }
    }

    private static boolean isOurJar(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("keycloak-sspr") && name.endsWith(".jar");
    }

    private static String topDirectory(ZipFile archive) {
        return archive.stream()
                .map(ZipEntry::getName)
                .map(name -> name.substring(0, name.indexOf('/') + 1))
                .filter(name -> name.startsWith("keycloak-"))
                .findFirst()
                .map(name -> name.substring(0, name.length() - 1))
                .orElseThrow(() -> new IllegalStateException(archive.getName() + " is not a Keycloak distribution"));
    }

    /** Unpacks into a scratch directory and renames it at the end, so a killed run never leaves half a server. */
    private static void unpack(ZipFile archive, Path parent, String topDirectory) throws IOException {
        Files.createDirectories(parent);
        Path scratch = Files.createTempDirectory(parent, ".unpacking-");
        try {
            for (ZipEntry entry : archive.stream().toList()) {
                Path target = scratch.resolve(entry.getName()).normalize();
                if (!target.startsWith(scratch)) {
                    throw new IOException("Zip entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
            makeScriptsExecutable(scratch.resolve(topDirectory).resolve("bin"));
            try {
                Files.move(scratch.resolve(topDirectory), parent.resolve(topDirectory), StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // Another run finished unpacking first; its copy is as good as ours.
            }
        } finally {
            Directories.deleteTree(scratch);
        }
    }

    /** java.util.zip drops Unix modes. */
    private static void makeScriptsExecutable(Path bin) throws IOException {
        try (Stream<Path> files = Files.walk(bin)) {
            for (Path script : files.filter(file -> file.toString().endsWith(".sh")).toList()) {
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    /** Same entries with the same CRCs: every rebuild stamps new entry times, so the bytes alone always differ. */
    private static boolean sameContent(Path first, Path second) throws IOException {
        return entryChecksums(first).equals(entryChecksums(second));
    }

    private static Map<String, Long> entryChecksums(Path jar) throws IOException {
        try (ZipFile archive = new ZipFile(jar.toFile())) {
            return archive.stream().collect(Collectors.toMap(ZipEntry::getName, ZipEntry::getCrc));
        }
    }

    @Override
    public String toString() {
        return "Keycloak " + version() + " at " + home;
    }
}
