package io.github.keycloaksspr.it.harness.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.github.keycloaksspr.it.harness.Artifacts;
import io.github.keycloaksspr.it.harness.Ports;

/**
 * OpenLDAP's slapd from the distribution's packages, on a free loopback port, with a throw-away configuration and
 * database under target/ and the ppolicy overlay: minimum length 10 with quality checking, history 3. Keycloak binds
 * as a service account, not as the root DN, because the root DN's writes skip the password policy.
 */
public final class Slapd implements DirectoryServer {

    public static final String BASE_DN = "dc=example,dc=org";
    public static final int MIN_LENGTH = 10;
    static final String SLAPD = "/usr/sbin/slapd";
    private static final String SLAPADD = "/usr/sbin/slapadd";
    private static final String SERVICE_DN = "cn=keycloak,ou=services," + BASE_DN;
    private static final String SERVICE_PASSWORD = "Keycloak-Service-Passw0rd";
    private static final String ROOT_DN = "cn=admin," + BASE_DN;
    private static final String ROOT_PASSWORD = "Root-Passw0rd-" + Long.toHexString(System.nanoTime());
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final Path home;
    private final int port;
    private final Process process;
    private final Duration startTime;
    private final DirectoryClient root;

    private Slapd(Path home, int port, Process process, Duration startTime) {
        this.home = home;
        this.port = port;
        this.process = process;
        this.startTime = startTime;
        this.root = new DirectoryClient(url());
    }

    public static boolean installed() {
        return Commands.available(SLAPD) && Commands.available(SLAPADD);
    }

    public static Slapd start() {
        Instant began = Instant.now();
        Path home = Artifacts.buildDirectory().resolve("slapd-" + Long.toString(System.nanoTime(), 36));
        try {
            Files.createDirectories(home.resolve("slapd.d"));
            Files.createDirectories(home.resolve("data"));
            Files.writeString(home.resolve("config.ldif"), config(home));
            Files.writeString(home.resolve("data.ldif"), data());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + home, e);
        }
        Path log = home.resolve("slapd.log");
        Commands.run(List.of(SLAPADD, "-n0", "-F", home.resolve("slapd.d").toString(),
                "-l", home.resolve("config.ldif").toString()), null, log);
        Commands.run(List.of(SLAPADD, "-F", home.resolve("slapd.d").toString(), "-b", BASE_DN,
                "-l", home.resolve("data.ldif").toString()), null, log);
        int port = Ports.free();
        Process process;
        try {
            process = new ProcessBuilder(SLAPD, "-F", home.resolve("slapd.d").toString(),
                    "-h", "ldap://127.0.0.1:" + port + "/", "-d", "0")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start slapd", e);
        }
        // a killed test JVM must not leave a server holding its port
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "slapd-stop-on-exit"));
        Listening.await("127.0.0.1", port, READY_TIMEOUT, process, log);
        Duration took = Duration.between(began, Instant.now());
        System.out.printf(Locale.ROOT, "[sspr] slapd ready on port %d in %.2f s%n", port, took.toMillis() / 1000.0);
        return new Slapd(home, port, process, took);
    }

    @Override
    public String url() {
        return "ldap://127.0.0.1:" + port;
    }

    @Override
    public String vendor() {
        return "other";
    }

    @Override
    public String usersDn() {
        return "ou=people," + BASE_DN;
    }

    @Override
    public String bindDn() {
        return SERVICE_DN;
    }

    @Override
    public String bindPassword() {
        return SERVICE_PASSWORD;
    }

    @Override
    public String usernameAttribute() {
        return "uid";
    }

    @Override
    public String rdnAttribute() {
        return "uid";
    }

    @Override
    public String uuidAttribute() {
        return "entryUUID";
    }

    @Override
    public List<String> userObjectClasses() {
        return List.of("inetOrgPerson", "organizationalPerson");
    }

    @Override
    public String userDn(String username) {
        return "uid=" + username + "," + usersDn();
    }

    /** Added as the root DN, which the policy does not check, so a test may start from any password. */
    @Override
    public void addUser(String username, String password, String email) {
        root.add(ROOT_DN, ROOT_PASSWORD, userDn(username), List.of(
                "objectClass: inetOrgPerson", "uid: " + username, "cn: " + username, "sn: Test",
                "givenName: " + username, "mail: " + email, "userPassword: " + password));
    }

    @Override
    public Duration startTime() {
        return startTime;
    }

    @Override
    public void close() {
        Commands.stop(process);
    }

    private static String config(Path home) {
        return String.join("\n",
                "dn: cn=config", "objectClass: olcGlobal", "cn: config",
                "olcPidFile: " + home.resolve("slapd.pid"), "",
                "dn: cn=module{0},cn=config", "objectClass: olcModuleList", "cn: module{0}",
                "olcModulePath: /usr/lib/ldap", "olcModuleLoad: back_mdb", "olcModuleLoad: ppolicy", "",
                "dn: cn=schema,cn=config", "objectClass: olcSchemaConfig", "cn: schema", "",
                "include: file:///etc/ldap/schema/core.ldif",
                "include: file:///etc/ldap/schema/cosine.ldif",
                "include: file:///etc/ldap/schema/nis.ldif",
                "include: file:///etc/ldap/schema/inetorgperson.ldif", "",
                "dn: olcDatabase={-1}frontend,cn=config", "objectClass: olcDatabaseConfig",
                "objectClass: olcFrontendConfig", "olcDatabase: {-1}frontend", "",
                "dn: olcDatabase={0}config,cn=config", "objectClass: olcDatabaseConfig", "olcDatabase: {0}config",
                "olcAccess: {0}to * by * none", "",
                "dn: olcDatabase={1}mdb,cn=config", "objectClass: olcDatabaseConfig", "objectClass: olcMdbConfig",
                "olcDatabase: {1}mdb", "olcSuffix: " + BASE_DN, "olcRootDN: " + ROOT_DN,
                "olcRootPW: " + ROOT_PASSWORD, "olcDbDirectory: " + home.resolve("data"),
                "olcDbMaxSize: 67108864",
                "olcAccess: {0}to attrs=userPassword by dn.exact=\"" + SERVICE_DN + "\" write by self write "
                        + "by anonymous auth by * none",
                "olcAccess: {1}to * by dn.exact=\"" + SERVICE_DN + "\" write by * read", "",
                "dn: olcOverlay={0}ppolicy,olcDatabase={1}mdb,cn=config", "objectClass: olcOverlayConfig",
                "objectClass: olcPPolicyConfig", "olcOverlay: {0}ppolicy",
                "olcPPolicyDefault: cn=default,ou=policies," + BASE_DN, "olcPPolicyHashCleartext: TRUE",
                "olcPPolicyUseLockout: TRUE", "");
    }

    private static String data() {
        return String.join("\n",
                "dn: " + BASE_DN, "objectClass: dcObject", "objectClass: organization", "dc: example", "o: Example", "",
                "dn: ou=people," + BASE_DN, "objectClass: organizationalUnit", "ou: people", "",
                "dn: ou=services," + BASE_DN, "objectClass: organizationalUnit", "ou: services", "",
                "dn: " + SERVICE_DN, "objectClass: person", "cn: keycloak", "sn: Service",
                "userPassword: " + SERVICE_PASSWORD, "",
                "dn: ou=policies," + BASE_DN, "objectClass: organizationalUnit", "ou: policies", "",
                "dn: cn=default,ou=policies," + BASE_DN, "objectClass: applicationProcess", "objectClass: pwdPolicy",
                "cn: default", "pwdAttribute: userPassword", "pwdMinLength: " + MIN_LENGTH, "pwdCheckQuality: 2",
                "pwdInHistory: 3", "pwdLockout: TRUE", "pwdMaxFailure: 5", "");
    }
}
