package io.github.keycloaksspr.it.harness;

/** What the suite shares: a database, the mail server, Keycloak on both, and the master admin. */
record SuiteResources(Database database, MailServer mail, KeycloakServer server, KeycloakAdmin admin)
        implements AutoCloseable {

    static SuiteResources start() {
        Database database = Database.fromSystemProperty();
        MailServer mail = null;
        KeycloakServer server = null;
        try {
            mail = MailServer.start();
            server = KeycloakServer.start(ServerSettings.forTests(database));
            return new SuiteResources(database, mail, server, KeycloakAdmin.connect(server));
        } catch (RuntimeException e) {
            new SuiteResources(database, mail, server, null).close();
            throw e;
        }
    }

    /** Stops in reverse order; the database goes last, once nothing holds connections to it. */
    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
        if (server != null) {
            server.stop();
        }
        if (mail != null) {
            mail.stop();
        }
        database.close();
    }
}
