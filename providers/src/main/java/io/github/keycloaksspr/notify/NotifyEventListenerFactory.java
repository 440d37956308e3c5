package io.github.keycloaksspr.notify;

import java.time.Duration;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.timer.TimerProvider;

import io.github.keycloaksspr.notify.outbox.Outbox;

/**
 * The {@code sspr-notify} event listener a realm admin adds in Realm settings > Events. The server-wide timings
 * (how often every node drains, how retries back off) are SPI options, e.g.
 * {@code --spi-events-listener--sspr-notify--drain-interval-seconds=30}.
 */
public final class NotifyEventListenerFactory implements EventListenerProviderFactory {

    public static final String ID = "sspr-notify";
    static final String TIMER_TASK = "sspr-notify-outbox-drain";

    private Duration drainInterval;
    private Backoff backoff;
    private Duration claimFor;
    private OutboxKick kick;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new NotifyEventListener(session, kick);
    }

    @Override
    public void init(Config.Scope config) {
        drainInterval = Duration.ofSeconds(config.getInt("drain-interval-seconds", 15));
        backoff = new Backoff(Duration.ofSeconds(config.getInt("retry-base-seconds", 10)),
                Duration.ofSeconds(config.getInt("retry-max-seconds", 900)),
                config.getInt("max-attempts", 20));
        // long enough for a slow SMTP server; a node that dies holds its rows no longer than this
        claimFor = Duration.ofSeconds(config.getInt("claim-seconds", 120));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        kick = new OutboxKick(new OutboxDrain(factory, backoff, claimFor));
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                // the table exists from here on; every node drains, the claims keep them from sending twice
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                        .schedule(() -> KeycloakModelUtils.runJobInTransaction(factory, kick::now),
                                drainInterval.toMillis(), TIMER_TASK));
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                Outbox.of(removed.getKeycloakSession()).removeRealm(removed.getRealm().getId());
            }
        });
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("drain-interval-seconds").type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("How often each node looks for due notifications, in seconds.").defaultValue(15).add()
                .property().name("retry-base-seconds").type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Wait after the first failed attempt; doubles after each further failure.").defaultValue(10).add()
                .property().name("retry-max-seconds").type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Longest wait between two attempts.").defaultValue(900).add()
                .property().name("max-attempts").type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Attempts before a notification is marked FAILED.").defaultValue(20).add()
                .property().name("claim-seconds").type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("How long a node owns a notification it is sending before another may take it over.")
                .defaultValue(120).add()
                .build();
    }

    @Override
    public void close() {
        // the timer and pool belong to Keycloak
    }

    @Override
    public String getId() {
        return ID;
    }
}
