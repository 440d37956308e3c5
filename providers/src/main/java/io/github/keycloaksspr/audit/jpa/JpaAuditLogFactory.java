package io.github.keycloaksspr.audit.jpa;

import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

import io.github.keycloaksspr.audit.AuditLog;
import io.github.keycloaksspr.audit.AuditLogFactory;

public final class JpaAuditLogFactory implements AuditLogFactory {

    public static final String ID = "jpa";

    @Override
    public AuditLog create(KeycloakSession session) {
        return new JpaAuditLog(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    @Override
    public void init(Config.Scope config) {
        // no settings: the store is the realm database
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // a removed realm takes its audit trail with it, in the same transaction
        factory.register(event -> {
            if (event instanceof RealmModel.RealmRemovedEvent removed) {
                removed.getKeycloakSession().getProvider(AuditLog.class).removeRealm(removed.getRealm().getId());
            }
        });
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
