package io.github.keycloaksspr.throttle.jpa;

import java.util.function.Function;

import jakarta.persistence.EntityManager;

/** Runs work in a transaction of its own that has committed when the call returns, or rolled back if it threw. */
interface Transactions {

    <T> T inNew(Function<EntityManager, T> work);
}
