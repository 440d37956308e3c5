package io.github.keycloaksspr.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransaction;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RealmProvider;
import org.mockito.ArgumentCaptor;

import io.github.keycloaksspr.privilege.AdminRoleRef;
import io.github.keycloaksspr.audit.EventDetails;
import io.github.keycloaksspr.notify.outbox.OutboxEntity;
import io.github.keycloaksspr.policy.Policy;
import io.github.keycloaksspr.policy.Scope;

/**
 * The listener's transactional contract, without a database: rows go through the request's own EntityManager (so
 * they commit or roll back with the reset), and the drain is kicked only after a commit, never after a rollback.
 */
class NotifyEventListenerTest {

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final EntityManager em = mock(EntityManager.class);
    private final KeycloakTransactionManager transactions = mock(KeycloakTransactionManager.class);
    private final ExecutorService pool = mock(ExecutorService.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final Map<String, Object> sessionAttributes = new HashMap<>();
    private final List<KeycloakTransaction> enlisted = new ArrayList<>();

    @BeforeEach
    void requestSession() {
        JpaConnectionProvider jpa = mock(JpaConnectionProvider.class);
        when(jpa.getEntityManager()).thenReturn(em);
        when(session.getProvider(JpaConnectionProvider.class)).thenReturn(jpa);
        ExecutorsProvider executors = mock(ExecutorsProvider.class);
        when(executors.getExecutor(OutboxKick.POOL)).thenReturn(pool);
        when(session.getProvider(ExecutorsProvider.class)).thenReturn(executors);
        when(session.getTransactionManager()).thenReturn(transactions);
        doAnswer(i -> enlisted.add(i.getArgument(0))).when(transactions).enlistAfterCompletion(any());
        RealmProvider realms = mock(RealmProvider.class);
        when(realms.getRealm("realm-1")).thenReturn(realm);
        when(session.realms()).thenReturn(realms);
        when(realm.getId()).thenReturn("realm-1");
        when(session.getContext()).thenReturn(mock(KeycloakContext.class));
        when(session.getAttribute(any(String.class))).thenAnswer(i -> sessionAttributes.get(i.<String>getArgument(0)));
        doAnswer(i -> sessionAttributes.put(i.getArgument(0), i.getArgument(1)))
                .when(session).setAttribute(any(String.class), any());
        givenPolicy(true, true);
    }

    @Test
    @DisplayName("Given a self-service reset, then a user row and an admin fan-out row are persisted in the request's "
            + "transaction and one drain is enlisted after completion")
    void selfServiceResetWritesRows() {
        listener().onEvent(selfServiceReset());

        ArgumentCaptor<OutboxEntity> rows = ArgumentCaptor.forClass(OutboxEntity.class);
        verify(em, times(2)).persist(rows.capture());
        assertThat(rows.getAllValues()).extracting(OutboxEntity::getKind)
                .containsExactly("USER_SELF_SERVICE_RESET", "ADMIN_FANOUT");
        assertThat(rows.getAllValues()).allSatisfy(row -> {
            assertThat(row.getSubjectId()).isEqualTo("user-1");
            assertThat(row.getIpAddress()).isEqualTo("192.0.2.7");
            assertThat(row.getStatus()).isEqualTo("PENDING");
        });
        assertThat(enlisted).hasSize(1);
        verify(em, never()).getTransaction();
        verifyNoInteractions(pool);
    }

    @Test
    @DisplayName("Given the reset's transaction rolls back, then no drain is started")
    void rollbackSendsNothing() {
        listener().onEvent(selfServiceReset());
        KeycloakTransaction afterCompletion = enlisted.get(0);
        afterCompletion.begin();
        afterCompletion.rollback();

        verifyNoInteractions(pool);
    }

    @Test
    @DisplayName("Given the reset's transaction commits, then a drain starts on the pool, off the request thread")
    void commitStartsDrain() {
        listener().onEvent(selfServiceReset());
        KeycloakTransaction afterCompletion = enlisted.get(0);
        afterCompletion.begin();
        afterCompletion.commit();

        verify(pool).execute(any(Runnable.class));
    }

    @Test
    @DisplayName("Given an admin's reset-password call, then one user row names the user from the resource path")
    void adminReset() {
        listener().onEvent(adminEvent("users/user-9/reset-password"), false);

        ArgumentCaptor<OutboxEntity> rows = ArgumentCaptor.forClass(OutboxEntity.class);
        verify(em).persist(rows.capture());
        assertThat(rows.getValue().getKind()).isEqualTo("USER_ADMIN_RESET");
        assertThat(rows.getValue().getRecipientId()).isEqualTo("user-9");
        assertThat(rows.getValue().getIpAddress()).isEqualTo("198.51.100.4");
    }

    @Test
    @DisplayName("Given other admin actions on users, or RESET_PASSWORD without the self-service detail, then nothing")
    void unrelatedEvents() {
        listener().onEvent(adminEvent("users/user-9/execute-actions-email"), false);
        listener().onEvent(adminEvent("users/user-9/reset-password-email"), false);
        Event stock = selfServiceReset();
        stock.setDetails(Map.of());
        listener().onEvent(stock);

        verifyNoInteractions(em);
        assertThat(enlisted).isEmpty();
    }

    @Test
    @DisplayName("Given both settings off, then nothing is written")
    void settingsOff() {
        givenPolicy(false, false);

        listener().onEvent(selfServiceReset());
        listener().onEvent(adminEvent("users/user-9/reset-password"), false);

        verifyNoInteractions(em);
    }

    private NotifyEventListener listener() {
        OutboxDrain drain = new OutboxDrain(null, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1),
                Duration.ofSeconds(1));
        return new NotifyEventListener(session, new OutboxKick(drain));
    }

    private void givenPolicy(boolean users, boolean admins) {
        Policy policy = new Policy(Scope.ALL, "", Set.of(), 1, Optional.empty(), true,
                Duration.ofMinutes(5), users, admins, AdminRoleRef.DEFAULTS, true, false, List.of());
        when(session.getAttribute("sspr.policy.realm-1", Policy.class)).thenReturn(policy);
    }

    private static Event selfServiceReset() {
        Event event = new Event();
        event.setType(EventType.RESET_PASSWORD);
        event.setRealmId("realm-1");
        event.setUserId("user-1");
        event.setIpAddress("192.0.2.7");
        event.setTime(1_000L);
        event.setDetails(Map.of(EventDetails.METHODS, "email"));
        return event;
    }

    private static AdminEvent adminEvent(String path) {
        AdminEvent event = new AdminEvent();
        event.setRealmId("realm-1");
        event.setResourceType(ResourceType.USER);
        event.setOperationType(OperationType.ACTION);
        event.setResourcePath(path);
        AuthDetails auth = new AuthDetails();
        auth.setIpAddress("198.51.100.4");
        event.setAuthDetails(auth);
        event.setTime(2_000L);
        return event;
    }
}
