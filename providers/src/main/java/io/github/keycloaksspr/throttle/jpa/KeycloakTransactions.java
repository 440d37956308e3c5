package io.github.keycloaksspr.throttle.jpa;

import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * A fresh Keycloak session per unit of work. Inside a request, Keycloak suspends the request's JTA transaction for
 * the duration and resumes it afterwards, so the work commits at once, independently of the request.
 */
final class KeycloakTransactions implements Transactions {

    private final KeycloakSessionFactory factory;

    KeycloakTransactions(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public <T> T inNew(Function<EntityManager, T> work) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory,
                session -> work.apply(session.getProvider(JpaConnectionProvider.class).getEntityManager()));
    }
}
