package io.github.keycloaksspr.audit.jpa;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers this extension's tables. The id names Liquibase's tracking table: DATABASECHANGELOG_SSPR. */
public final class SsprJpaEntityProviderFactory implements JpaEntityProviderFactory {

    static final String ID = "sspr";

    private static final SsprJpaEntityProvider PROVIDER = new SsprJpaEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {
        // nothing to configure
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public String getId() {
        return ID;
    }
}
