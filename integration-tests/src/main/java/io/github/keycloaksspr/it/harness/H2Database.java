package io.github.keycloaksspr.it.harness;

import java.util.List;

/** Keycloak's built-in development H2: nothing to create, nothing to drop. */
record H2Database(String option) implements Database {

    static H2Database inMemory() {
        return new H2Database("--db=dev-mem");
    }

    static H2Database file() {
        return new H2Database("--db=dev-file");
    }

    @Override
    public String kind() {
        return "h2";
    }

    @Override
    public List<String> serverOptions() {
        return List.of(option);
    }

    @Override
    public void close() {
        // dev-mem vanishes with the process; dev-file is meant to be kept.
    }
}
