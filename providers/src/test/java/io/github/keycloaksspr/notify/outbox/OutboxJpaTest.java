package io.github.keycloaksspr.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.github.keycloaksspr.notify.Notification;
import io.github.keycloaksspr.notify.NotificationKind;

/**
 * The outbox's JPA code on a real database (in-memory H2), each EntityManager standing for one node or one request:
 * rows exist only if their transaction commits, and of several claimants exactly one gets a row.
 */
class OutboxJpaTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final long NOW = 1_000_000L;

    private EntityManagerFactory factory;

    @BeforeEach
    void database() {
        factory = new HibernatePersistenceConfiguration("outbox")
                .managedClass(OutboxEntity.class)
                .jdbcUrl("jdbc:h2:mem:outbox" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1")
                .jdbcCredentials("sa", "")
                .property("hibernate.hbm2ddl.auto", "create-drop")
                .createEntityManagerFactory();
    }

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    @DisplayName("Given the reset's transaction rolls back after the row was added, then there is nothing to send")
    void rollbackLeavesNoRow() {
        EntityManager request = factory.createEntityManager();
        request.getTransaction().begin();
        new Outbox(request).add(notice("user-1"), NOW);
        request.getTransaction().rollback();
        request.close();

        assertThat(due(NOW, 10)).isEmpty();
    }

    @Test
    @DisplayName("Given a committed row, then it is due, one claimant gets it, a second gets nothing until the "
            + "first claim expires, and then the first claimant's token no longer owns it")
    void claimIsExclusive() {
        String id = inTransaction(em -> new Outbox(em).add(notice("user-1"), NOW));

        Optional<String> first = claim(id, NOW, NOW + 60_000);
        Optional<String> second = claim(id, NOW + 1, NOW + 60_001);
        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(due(NOW + 59_999, 10)).isEmpty();

        Optional<String> takeover = claim(id, NOW + 60_001, NOW + 120_000);
        assertThat(takeover).isPresent();
        assertThat(claimed(id, first.get())).isEmpty();
        assertThat(claimed(id, takeover.get())).isPresent();
    }

    @Test
    @DisplayName("Given a failed attempt, then the row waits until its next attempt; once finished it is never due")
    void retryAndFinish() {
        String id = inTransaction(em -> new Outbox(em).add(notice("user-1"), NOW));
        String token = claim(id, NOW, NOW + 60_000).orElseThrow();
        inTransaction(em -> {
            new Outbox(em).retryAt(new Outbox(em).claimed(id, token).orElseThrow(), NOW + 10_000, "refused");
            return null;
        });
        assertThat(due(NOW + 9_999, 10)).isEmpty();
        assertThat(due(NOW + 10_000, 10)).containsExactly(id);

        String again = claim(id, NOW + 10_000, NOW + 70_000).orElseThrow();
        inTransaction(em -> {
            new Outbox(em).finish(new Outbox(em).claimed(id, again).orElseThrow(), OutboxStatus.SENT, NOW, null);
            return null;
        });
        assertThat(due(Long.MAX_VALUE, 10)).isEmpty();
        List<OutboxEntity> sent = inTransaction(em -> new Outbox(em).page("realm-1", OutboxStatus.SENT, 0, 10));
        assertThat(sent).singleElement().satisfies(row -> {
            assertThat(row.getAttempts()).isEqualTo(2);
            assertThat(row.getLastError()).isNull();
        });
    }

    @Test
    @DisplayName("Given four claimants racing for the same twenty rows, then every row is claimed exactly once")
    void racingClaimants() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String user = "user-" + i;
            ids.add(inTransaction(em -> new Outbox(em).add(notice(user), NOW)));
        }
        ConcurrentHashMap<String, Integer> claims = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int node = 0; node < 4; node++) {
                running.add(nodes.submit((Callable<Void>) () -> {
                    start.await();
                    for (String id : due(NOW, 100)) {
                        claim(id, NOW, NOW + 60_000)
                                .ifPresent(token -> claims.merge(id, 1, Integer::sum));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            nodes.shutdownNow();
        }
        assertThat(claims.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(claims.values()).containsOnly(1);
    }

    private List<String> due(long now, int limit) {
        return inTransaction(em -> new Outbox(em).due(now, limit));
    }

    private Optional<String> claim(String id, long now, long until) {
        return inTransaction(em -> new Outbox(em).claim(id, now, until));
    }

    private Optional<OutboxEntity> claimed(String id, String token) {
        return inTransaction(em -> new Outbox(em).claimed(id, token));
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private static Notification notice(String user) {
        return new Notification("realm-1", NotificationKind.USER_ADMIN_RESET, user, user, NOW, "192.0.2.1", "Browser");
    }
}
