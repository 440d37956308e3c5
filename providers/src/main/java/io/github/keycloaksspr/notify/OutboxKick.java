package io.github.keycloaksspr.notify;

import java.util.concurrent.RejectedExecutionException;

import org.jboss.logging.Logger;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransaction;

/**
 * Starts a drain on Keycloak's executor, off the request thread, so a mail goes out seconds after the reset commits
 * rather than at the next timer tick. Losing a kick loses nothing: the periodic drain finds the row.
 */
final class OutboxKick {

    static final String POOL = "sspr-notify";
    private static final Logger LOG = Logger.getLogger(OutboxKick.class);

    private final OutboxDrain drain;

    OutboxKick(OutboxDrain drain) {
        this.drain = drain;
    }

    /** A transaction participant that kicks a drain once the request's transaction has committed, never on rollback. */
    KeycloakTransaction afterCommit(KeycloakSession session) {
        return new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                now(session);
            }

            @Override
            protected void rollbackImpl() {
                // the rows rolled back with the reset: nothing to send
            }
        };
    }

    /** Runs a drain on the pool; the session only lends its executor provider. */
    void now(KeycloakSession session) {
        try {
            session.getProvider(ExecutorsProvider.class).getExecutor(POOL).execute(drain::runQuietly);
        } catch (RejectedExecutionException e) {
            LOG.debug("Notification drain not started (server stopping?); the periodic drain will send it");
        }
    }
}
