package io.github.keycloaksspr.throttle.jpa;

import java.time.Duration;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.timer.TimerProvider;

import io.github.keycloaksspr.throttle.ThrottleSettings;
import io.github.keycloaksspr.throttle.ThrottleStore;
import io.github.keycloaksspr.throttle.ThrottleStoreFactory;

/**
 * The database-backed throttle store. Every node purges hits older than the longest window any setting allows, on
 * a timer set by {@code --spi-sspr-throttle-store--jpa--purge-interval-minutes=60}; purges on several nodes at once
 * only delete the same rows.
 */
public final class JpaThrottleStoreFactory implements ThrottleStoreFactory {

    public static final String ID = "jpa";
    static final String TIMER_TASK = "sspr-throttle-purge";
    private static final Logger LOG = Logger.getLogger(JpaThrottleStoreFactory.class);

    private Duration purgeInterval;
    private KeycloakTransactions transactions;

    @Override
    public ThrottleStore create(KeycloakSession session) {
        return new JpaThrottleStore(transactions,
                () -> session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    @Override
    public void init(Config.Scope config) {
        purgeInterval = Duration.ofMinutes(config.getInt("purge-interval-minutes", 60));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        transactions = new KeycloakTransactions(factory);
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                // the tables exist from here on
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                        .schedule(() -> purgeQuietly(factory), purgeInterval.toMillis(), TIMER_TASK));
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                removed.getKeycloakSession().getProvider(ThrottleStore.class).removeRealm(removed.getRealm().getId());
            }
        });
    }

    private static void purgeQuietly(KeycloakSessionFactory factory) {
        try {
            long cutoff = Time.currentTimeMillis() - ThrottleSettings.LONGEST_WINDOW.toMillis();
            int purged = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                    session -> session.getProvider(ThrottleStore.class).purge(cutoff));
            LOG.debugf("Purged %d expired throttle hits", purged);
        } catch (RuntimeException e) {
            LOG.warn("Throttle purge failed; the next run tries again", e);
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("purge-interval-minutes").type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("How often each node deletes throttle hits too old to count, in minutes.")
                .defaultValue(60).add()
                .build();
    }

    @Override
    public void close() {
        // the timer belongs to Keycloak
    }

    @Override
    public String getId() {
        return ID;
    }
}
