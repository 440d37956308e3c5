package io.github.keycloaksspr.it.harness.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.github.keycloaksspr.it.harness.Artifacts;

/**
 * Samba's Active Directory domain controller from the distribution's packages: a domain provisioned into a
 * throw-away directory under target/ (never the system's smb.conf), serving LDAPS on a loopback address with the
 * test certificate. Real AD semantics: {@code unicodePwd}, complexity, history, minimum length and
 * {@code lockoutTime}. Its LDAP ports are fixed, so it needs root and a loopback address nobody else uses.
 */
public final class SambaDc implements DirectoryServer {

    public static final String DOMAIN_DN = "DC=example,DC=test";
    public static final String ADMIN_PASSWORD = "Adm1n!Passw0rd";
    public static final int MIN_LENGTH = 8;
    public static final int LOCKOUT_THRESHOLD = 3;
    static final String SAMBA = "/usr/sbin/samba";
    static final String SAMBA_TOOL = "/usr/bin/samba-tool";
    private static final int LDAPS_PORT = 636;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path home;
    private final String host;
    private final Process process;
    private final Duration startTime;

    private SambaDc(Path home, String host, Process process, Duration startTime) {
        this.home = home;
        this.host = host;
        this.process = process;
        this.startTime = startTime;
    }

    /** Whether this machine can run one: the packages, root for the fixed ports, and the test certificate. */
    public static boolean runnable() {
        return Commands.available(SAMBA) && Commands.available(SAMBA_TOOL)
                && "root".equals(System.getProperty("user.name")) && DirectoryTls.certificate().isPresent();
    }

    public static SambaDc start() {
        Instant began = Instant.now();
        Path cert = DirectoryTls.certificate().orElseThrow(() -> new IllegalStateException("openssl is missing"));
        String host = freeLoopbackHost();
        Path home = Artifacts.buildDirectory().resolve("samba-" + Long.toString(System.nanoTime(), 36));
        Path log = home.resolve("samba-tool.log");
        try {
            for (String dir : List.of("run", "log", "sockets/winbindd", "sockets/ntp_signd")) {
                Files.createDirectories(home.resolve(dir));
            }
            // an empty configuration: provisioning must neither read nor change the machine's smb.conf
            Files.writeString(home.resolve("empty.conf"), "");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + home, e);
        }
        Commands.run(provision(home, host, cert), null, log);
        // Samba accepts a changed password's predecessor for an hour by default (Windows does so for NTLM only);
        // off, so a test sees at once that the old password is gone. Provisioning does not keep this option.
        setGlobal(home, "old password allowed period", "0");
        Instant provisioned = Instant.now();
        tool(home, log, "domain", "passwordsettings", "set", "--min-pwd-age=0", "--min-pwd-length=" + MIN_LENGTH,
                "--account-lockout-threshold=" + LOCKOUT_THRESHOLD, "--account-lockout-duration=30",
                "--reset-account-lockout-after=30");
        Process process;
        try {
            process = new ProcessBuilder(SAMBA, "-i", "-M", "single", "-s", smbConf(home).toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("samba.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start samba", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "samba-stop-on-exit"));
        Listening.await(host, LDAPS_PORT, READY_TIMEOUT, process, home.resolve("samba.log"));
        Duration took = Duration.between(began, Instant.now());
        System.out.printf(Locale.ROOT, "[sspr] Samba AD DC ready on ldaps://%s in %.1f s (provisioning %.1f s)%n",
                host, took.toMillis() / 1000.0, Duration.between(began, provisioned).toMillis() / 1000.0);
        return new SambaDc(home, host, process, took);
    }

    @Override
    public String url() {
        return "ldaps://" + host + ":" + LDAPS_PORT;
    }

    @Override
    public String vendor() {
        return "ad";
    }

    @Override
    public String usersDn() {
        return "CN=Users," + DOMAIN_DN;
    }

    @Override
    public String bindDn() {
        return "CN=Administrator," + usersDn();
    }

    @Override
    public String bindPassword() {
        return ADMIN_PASSWORD;
    }

    @Override
    public String usernameAttribute() {
        return "sAMAccountName";
    }

    @Override
    public String rdnAttribute() {
        return "cn";
    }

    @Override
    public String uuidAttribute() {
        return "objectGUID";
    }

    @Override
    public List<String> userObjectClasses() {
        return List.of("person", "organizationalPerson", "user");
    }

    @Override
    public String userDn(String username) {
        return "CN=" + username + "," + usersDn();
    }

    @Override
    public void addUser(String username, String password, String email) {
        tool(home, home.resolve("samba-tool.log"), "user", "create", username, password, "--use-username-as-cn",
                "--mail-address=" + email, "--given-name=" + username, "--surname=Test");
    }

    @Override
    public Duration startTime() {
        return startTime;
    }

    /** Stops the server and removes the domain's files, tens of megabytes per run. */
    @Override
    public void close() {
        Commands.stop(process);
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.out.println("[sspr] could not remove " + home + ": " + e.getMessage());
        }
    }

    private static List<String> provision(Path home, String host, Path cert) {
        List<String> command = new ArrayList<>(List.of(SAMBA_TOOL, "domain", "provision",
                "--configfile=" + home.resolve("empty.conf"), "--targetdir=" + home,
                "--realm=EXAMPLE.TEST", "--domain=EXAMPLE", "--server-role=dc", "--dns-backend=NONE",
                "--adminpass=" + ADMIN_PASSWORD, "--use-rfc2307", "--host-ip=" + host, "--host-name=dc1"));
        for (String option : List.of("interfaces=" + host, "bind interfaces only=yes",
                "pid directory=" + home.resolve("run"), "log file=" + home.resolve("log/log.%m"),
                "winbindd socket directory=" + home.resolve("sockets/winbindd"),
                "ntp signd socket directory=" + home.resolve("sockets/ntp_signd"), "server services=ldap",
                "tls keyfile=" + DirectoryTls.key(), "tls certfile=" + cert, "tls cafile=")) {
            command.add("--option=" + option);
        }
        return command;
    }

    private static void setGlobal(Path home, String name, String value) {
        try {
            String conf = Files.readString(smbConf(home));
            Files.writeString(smbConf(home), conf.replace("[global]\n", "[global]\n\t" + name + " = " + value + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot change " + smbConf(home), e);
        }
    }

    private static void tool(Path home, Path log, String... arguments) {
        List<String> command = new ArrayList<>(List.of(SAMBA_TOOL));
        command.addAll(List.of(arguments));
        command.add("--configfile=" + smbConf(home));
        Commands.run(command, null, log);
    }

    private static Path smbConf(Path home) {
        return home.resolve("etc/smb.conf");
    }

    /** The first loopback address whose LDAP ports are free: another run's domain controller may hold 127.0.0.1. */
    private static String freeLoopbackHost() {
        for (int last = 1; last <= DirectoryTls.LAST_LOOPBACK_HOST; last++) {
            String host = "127.0.0." + last;
            if (!Listening.answers(host, LDAPS_PORT) && !Listening.answers(host, 389)) {
                return host;
            }
        }
        throw new IllegalStateException("Every loopback address up to 127.0.0." + DirectoryTls.LAST_LOOPBACK_HOST
                + " has an LDAP server already");
    }
}
