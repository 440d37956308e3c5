package io.github.keycloaksspr.audit;

import java.util.List;

import org.keycloak.provider.Provider;

/** Durable, queryable audit records. Writes join the request's transaction, so a rolled-back request leaves none. */
public interface AuditLog extends Provider {

    void record(AuditRecord record);

    List<AuditRecord> query(AuditQuery query);

    /** Removes every record of a realm, when the realm itself is removed. */
    void removeRealm(String realmId);
}
