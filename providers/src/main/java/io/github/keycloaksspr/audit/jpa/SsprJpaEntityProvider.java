package io.github.keycloaksspr.audit.jpa;

import java.util.List;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

import io.github.keycloaksspr.notify.outbox.OutboxEntity;
import io.github.keycloaksspr.throttle.jpa.ThrottleHitEntity;
import io.github.keycloaksspr.throttle.jpa.ThrottleKeyEntity;

final class SsprJpaEntityProvider implements JpaEntityProvider {

    @Override
    public List<Class<?>> getEntities() {
        return List.of(AuditRecordEntity.class, OutboxEntity.class, ThrottleHitEntity.class, ThrottleKeyEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/sspr-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return SsprJpaEntityProviderFactory.ID;
    }

    @Override
    public void close() {
        // stateless
    }
}
