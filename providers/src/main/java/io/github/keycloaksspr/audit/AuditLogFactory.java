package io.github.keycloaksspr.audit;

import org.keycloak.provider.ProviderFactory;

public interface AuditLogFactory extends ProviderFactory<AuditLog> {
}
