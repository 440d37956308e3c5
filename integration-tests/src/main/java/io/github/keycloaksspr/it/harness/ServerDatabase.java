package io.github.keycloaksspr.it.harness;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fresh, empty database on a local PostgreSQL or MariaDB server, created for one run and dropped after it,
 * so runs never see each other's realms.
 */
final class ServerDatabase implements Database {

    enum Vendor {
        POSTGRES("postgres", "jdbc:postgresql://127.0.0.1:5432/",
                // CI machines have a database "test"; a stock install only "postgres".
                List.of(System.getProperty("sspr.it.postgres.admin-url", "jdbc:postgresql://127.0.0.1:5432/test"),
                        "jdbc:postgresql://127.0.0.1:5432/postgres"),
                // Debian's superuser is postgres; some images only trust a role named after the OS user.
                List.of("postgres", "root"),
                "CREATE DATABASE %s",
                // WITH (FORCE) ends connections Keycloak's pool may still hold for a moment after exit.
                "DROP DATABASE IF EXISTS %s WITH (FORCE)"),
        MARIADB("mariadb", "jdbc:mariadb://127.0.0.1:3306/",
                List.of(System.getProperty("sspr.it.mariadb.admin-url", "jdbc:mariadb://127.0.0.1:3306/")),
                List.of("root"),
                // Keycloak's MariaDB schema expects utf8mb4; the server default may be latin1.
                "CREATE DATABASE %s CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
                "DROP DATABASE IF EXISTS %s");

        private final String kind;
        private final String urlPrefix;
        private final List<String> adminUrls;
        private final List<String> users;
        private final String createSql;
        private final String dropSql;

        Vendor(String kind, String urlPrefix, List<String> adminUrls, List<String> users, String createSql,
               String dropSql) {
            this.kind = kind;
            this.urlPrefix = urlPrefix;
            this.adminUrls = adminUrls;
            this.users = users;
            this.createSql = createSql;
            this.dropSql = dropSql;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vendor vendor;
    private final String adminUrl;
    private final String user;
    private final String name;

    private ServerDatabase(Vendor vendor, String adminUrl, String user, String name) {
        this.vendor = vendor;
        this.adminUrl = adminUrl;
        this.user = user;
        this.name = name;
    }

    static ServerDatabase create(Vendor vendor) {
        String name = "sspr_it_" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        List<SQLException> failures = new ArrayList<>();
        for (String user : vendor.users) {
            for (String adminUrl : vendor.adminUrls) {
                try (Connection connection = DriverManager.getConnection(adminUrl, user, "");
                     Statement statement = connection.createStatement()) {
                    statement.execute(String.format(Locale.ROOT, vendor.createSql, name));
                    return new ServerDatabase(vendor, adminUrl, user, name);
                } catch (SQLException e) {
                    failures.add(e);
                }
            }
        }
        IllegalStateException error = new IllegalStateException("Cannot create a " + vendor.kind
                + " database at any of " + vendor.adminUrls + " as any of " + vendor.users
                + " with an empty password; is the server running (see .ci/run)?");
        failures.forEach(error::addSuppressed);
        throw error;
    }

    @Override
    public String kind() {
        return vendor.kind;
    }

    @Override
    public List<String> serverOptions() {
        return List.of("--db=" + vendor.kind, "--db-url=" + vendor.urlPrefix + name,
                "--db-username=" + user, "--db-password=");
    }

    @Override
    public void close() {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(String.format(Locale.ROOT, vendor.dropSql, name));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop " + vendor.kind + " database " + name, e);
        }
    }

    @Override
    public String toString() {
        return vendor.kind + " database " + name;
    }
}
