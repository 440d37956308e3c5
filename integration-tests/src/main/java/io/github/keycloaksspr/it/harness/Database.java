package io.github.keycloaksspr.it.harness;

import java.util.List;
import java.util.Locale;

/** The database a Keycloak server runs on, as the command-line options that select it. */
public interface Database extends AutoCloseable {

    /** Short name for logs and file names: {@code h2}, {@code postgres}, {@code mariadb}. */
    String kind();

    /** The {@code --db...} options for {@code kc.sh}. */
    List<String> serverOptions();

    /** Removes whatever the database holds for this run; call after the server has stopped. */
    @Override
    void close();

    /** The database named by system property {@code sspr.it.db}; a server database gets a fresh schema. */
    static Database fromSystemProperty() {
        String kind = System.getProperty("sspr.it.db", "h2").trim().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "h2" -> H2Database.inMemory();
            case "postgres", "postgresql" -> ServerDatabase.create(ServerDatabase.Vendor.POSTGRES);
            case "mariadb" -> ServerDatabase.create(ServerDatabase.Vendor.MARIADB);
            default -> throw new IllegalArgumentException(
                    "sspr.it.db must be h2, postgres or mariadb, not '" + kind + "'");
        };
    }

    /** A fresh database on the local PostgreSQL server, e.g. for several Keycloak nodes sharing one database. */
    static Database postgres() {
        return ServerDatabase.create(ServerDatabase.Vendor.POSTGRES);
    }

    /** Keycloak's H2 file database under its home directory: survives restarts, for the demo. */
    static Database h2File() {
        return H2Database.file();
    }
}
