package io.github.keycloaksspr.throttle.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.throttle.Charge;
import io.github.keycloaksspr.throttle.Limit;
import io.github.keycloaksspr.throttle.Subjects;
import io.github.keycloaksspr.throttle.ThrottleKind;

/**
 * The store on a real database built by the changelog; each transaction stands for one request on one node.
 */
class JpaThrottleStoreTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final Limit FIVE_PER_HOUR = new Limit(ThrottleKind.CODE_TRY, 5, Duration.ofHours(1));
    private static final Limit FIVE_FAILURES_A_DAY = new Limit(ThrottleKind.FAILED_PROOF, 5, Duration.ofHours(24));

    private ThrottleDatabase database;
    private JpaThrottleStore store;
    private final RealmModel realm = realm("realm-1");

    @BeforeEach
    void database() throws Exception {
        database = new ThrottleDatabase();
        store = database.store();
    }

    @AfterEach
    void close() throws SQLException {
        database.close();
    }

    @Test
    @DisplayName("Given the changelog applied to an empty database, then both throttle tables and the counter index "
            + "exist and Hibernate validated the entities against them")
    void changelogApplies() throws SQLException {
        try (Statement statement = database.connection().createStatement();
             ResultSet rows = statement.executeQuery("select INDEX_NAME from INFORMATION_SCHEMA.INDEXES"
                     + " where TABLE_NAME in ('SSPR_THROTTLE_HIT', 'SSPR_THROTTLE_KEY')")) {
            List<String> indexes = new ArrayList<>();
            while (rows.next()) {
                indexes.add(rows.getString(1));
            }
            assertThat(indexes).contains("IDX_SSPR_THROTTLE_HIT_COUNTER", "IDX_SSPR_THROTTLE_HIT_CREATED",
                    "IDX_SSPR_THROTTLE_KEY_TOUCHED");
        }
        try (Statement statement = database.connection().createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from DATABASECHANGELOG"
                     + " where ID = 'sspr-2026-11-22-throttle'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("Given a limit of five, then the fifth hit is allowed and the sixth refused and not counted")
    void fifthAllowedSixthRefused() {
        for (int i = 0; i < 5; i++) {
            assertThat(store.tryAcquire(realm, FIVE_PER_HOUR, "user-1", NOW + i)).isTrue();
        }
        assertThat(store.tryAcquire(realm, FIVE_PER_HOUR, "user-1", NOW + 5)).isFalse();
        assertThat(store.count(realm, FIVE_PER_HOUR, "user-1", NOW + 5)).isEqualTo(5);
        assertThat(store.tryAcquire(realm, FIVE_PER_HOUR, "user-2", NOW + 5)).isTrue();
    }

    @Test
    @DisplayName("Given five hits, then a hit is allowed again only once the oldest has left the sliding window")
    void windowSlides() {
        long hour = Duration.ofHours(1).toMillis();
        store.tryAcquire(realm, FIVE_PER_HOUR, "user-1", NOW);
        for (int i = 1; i < 5; i++) {
            store.tryAcquire(realm, FIVE_PER_HOUR, "user-1", NOW + 10 * 60_000L);
        }
        assertThat(store.tryAcquire(realm, FIVE_PER_HOUR, "user-1", NOW + hour - 1)).isFalse();
        assertThat(store.count(realm, FIVE_PER_HOUR, "user-1", NOW + hour)).isEqualTo(4);
        assertThat(store.tryAcquire(realm, FIVE_PER_HOUR, "user-1", NOW + hour)).isTrue();
        assertThat(store.tryAcquire(realm, FIVE_PER_HOUR, "user-1", NOW + hour + 1)).isFalse();
        assertThat(store.count(realm, FIVE_PER_HOUR, "user-1", NOW + 10 * 60_000L + hour)).isEqualTo(1);
    }

    @Test
    @DisplayName("Given the same subject in two realms or under two kinds, then each counter is separate")
    void countersAreSeparate() {
        Limit emailsOnePer = new Limit(ThrottleKind.EMAIL_SEND, 1, Duration.ofMinutes(10));
        assertThat(store.tryAcquire(realm, emailsOnePer, "user-1", NOW)).isTrue();
        assertThat(store.tryAcquire(realm, emailsOnePer, "user-1", NOW)).isFalse();
        assertThat(store.tryAcquire(realm("realm-2"), emailsOnePer, "user-1", NOW)).isTrue();
        assertThat(store.tryAcquire(realm, new Limit(ThrottleKind.PHONE_SEND_USER, 1, Duration.ofHours(1)),
                "user-1", NOW)).isTrue();
    }

    @Test
    @DisplayName("Given several charges, then all are counted when all are within their limits, and none when "
            + "one is over")
    void chargesAllOrNone() {
        Limit user = new Limit(ThrottleKind.PHONE_SEND_USER, 5, Duration.ofHours(1));
        Limit number = new Limit(ThrottleKind.PHONE_SEND_NUMBER, 1, Duration.ofHours(1));
        assertThat(store.tryAcquireAll(realm, List.of(new Charge(user, "user-1"), new Charge(number, "+15550100")),
                NOW)).isEmpty();

        assertThat(store.tryAcquireAll(realm, List.of(new Charge(user, "user-1"), new Charge(number, "+15550100")),
                NOW + 1)).contains(ThrottleKind.PHONE_SEND_NUMBER);
        assertThat(store.count(realm, user, "user-1", NOW + 1)).isEqualTo(1);
    }

    @Test
    @DisplayName("Given four failed proofs, then the fifth blocks the user for the window, a sixth does not block "
            + "again, and the block ends when the window has passed")
    void blockAfterFailures() {
        long day = Duration.ofHours(24).toMillis();
        for (int i = 0; i < 4; i++) {
            assertThat(store.recordFailure(realm, FIVE_FAILURES_A_DAY, "user-1", NOW + i)).isFalse();
        }
        assertThat(store.blockedUntil(realm, "user-1", Duration.ofHours(24), NOW + 4)).isEmpty();

        assertThat(store.recordFailure(realm, FIVE_FAILURES_A_DAY, "user-1", NOW + 4)).isTrue();
        assertThat(store.recordFailure(realm, FIVE_FAILURES_A_DAY, "user-1", NOW + 5)).isFalse();

        assertThat(store.blockedUntil(realm, "user-1", Duration.ofHours(24), NOW + 5))
                .contains(Instant.ofEpochMilli(NOW + 4 + day));
        assertThat(store.blockedUntil(realm, "user-1", Duration.ofHours(24), NOW + 4 + day - 1)).isPresent();
        assertThat(store.blockedUntil(realm, "user-1", Duration.ofHours(24), NOW + 4 + day)).isEmpty();
        assertThat(store.blockedUntil(realm, "user-2", Duration.ofHours(24), NOW + 5)).isEmpty();
    }

    @Test
    @DisplayName("Given failures spread wider than the window, then they never add up to a block")
    void oldFailuresDoNotBlock() {
        long sixHours = Duration.ofHours(6).toMillis();
        for (int i = 0; i < 10; i++) {
            assertThat(store.recordFailure(realm, FIVE_FAILURES_A_DAY, "user-1", NOW + i * sixHours)).isFalse();
        }
    }

    @Test
    @DisplayName("Given a user's counters, a block and a number's and an address's counters, then clearing the user "
            + "removes the user's own only, and only when the caller's transaction commits")
    void clearUser() {
        Limit number = new Limit(ThrottleKind.PHONE_SEND_NUMBER, 5, Duration.ofHours(1));
        Limit address = new Limit(ThrottleKind.PHONE_SEND_IP, 5, Duration.ofHours(1));
        Limit emails = new Limit(ThrottleKind.EMAIL_SEND, 10, Duration.ofMinutes(10));
        store.tryAcquire(realm, FIVE_PER_HOUR, Subjects.userMethod("user-1", MethodKind.EMAIL), NOW);
        store.tryAcquire(realm, emails, Subjects.user("user-1"), NOW);
        store.tryAcquire(realm, number, "+15550100", NOW);
        store.tryAcquire(realm, address, "192.0.2.1", NOW);
        store.recordFailure(realm, FIVE_FAILURES_A_DAY, "user-1", NOW);
        store.block(realm, "user-1", NOW);
        store.tryAcquire(realm, emails, Subjects.user("user-2"), NOW);

        assertThat(rollsBack(() -> database.inCallerTransaction(caller -> {
            caller.clearUser(realm, "user-1");
            throw new IllegalStateException("reset failed");
        }))).isTrue();
        assertThat(store.blockedUntil(realm, "user-1", Duration.ofHours(24), NOW)).isPresent();

        database.inCallerTransaction(caller -> {
            caller.clearUser(realm, "user-1");
            return null;
        });
        assertThat(store.blockedUntil(realm, "user-1", Duration.ofHours(24), NOW)).isEmpty();
        assertThat(store.count(realm, FIVE_FAILURES_A_DAY, "user-1", NOW)).isZero();
        assertThat(store.count(realm, emails, "user-1", NOW)).isZero();
        assertThat(store.count(realm, FIVE_PER_HOUR,
                Subjects.userMethod("user-1", MethodKind.EMAIL), NOW)).isZero();
        assertThat(store.count(realm, emails, "user-2", NOW)).isEqualTo(1);
        assertThat(store.count(realm, number, "+15550100", NOW)).isEqualTo(1);
        assertThat(store.count(realm, address, "192.0.2.1", NOW)).isEqualTo(1);
    }

    @Test
    @DisplayName("Given hits of a number and an address, then the tables hold only their SHA-256, never the values")
    void subjectsAreHashed() throws SQLException {
        store.tryAcquire(realm, new Limit(ThrottleKind.PHONE_SEND_NUMBER, 5, Duration.ofHours(1)), "+15550100", NOW);
        store.tryAcquire(realm, new Limit(ThrottleKind.PHONE_SEND_IP, 5, Duration.ofHours(1)), "192.0.2.1", NOW);

        List<String> subjects = new ArrayList<>();
        try (Statement statement = database.connection().createStatement();
             ResultSet rows = statement.executeQuery("select SUBJECT from SSPR_THROTTLE_HIT")) {
            while (rows.next()) {
                subjects.add(rows.getString(1));
            }
        }
        assertThat(subjects).containsExactlyInAnyOrder(Subjects.hash("+15550100"), Subjects.hash("192.0.2.1"));
        assertThat(subjects).allSatisfy(subject -> assertThat(subject).matches("[0-9a-f]{64}"));
    }

    @Test
    @DisplayName("Given hits and counter rows older than the cutoff, then a purge removes them and nothing newer, "
            + "and a purged counter works again")
    void purge() {
        store.tryAcquire(realm, FIVE_PER_HOUR, "old", NOW);
        store.tryAcquire(realm, FIVE_PER_HOUR, "old", NOW + 1);
        store.tryAcquire(realm, FIVE_PER_HOUR, "new", NOW + 10);

        int purged = database.inCallerTransaction(caller -> caller.purge(NOW + 10));

        assertThat(purged).isEqualTo(2);
        assertThat(store.count(realm, FIVE_PER_HOUR, "new", NOW + 10)).isEqualTo(1);
        long counters = database.inNew(em -> em.createQuery("select count(k) from ThrottleKeyEntity k", Long.class)
                .getSingleResult());
        assertThat(counters).isEqualTo(1L);
        assertThat(store.tryAcquire(realm, FIVE_PER_HOUR, "old", NOW + 20)).isTrue();
    }

    @Test
    @DisplayName("Given a removed realm, then its hits and counter rows go and other realms' stay")
    void removeRealm() {
        store.tryAcquire(realm, FIVE_PER_HOUR, "user-1", NOW);
        store.tryAcquire(realm("realm-2"), FIVE_PER_HOUR, "user-1", NOW);

        database.inCallerTransaction(caller -> {
            caller.removeRealm("realm-1");
            return null;
        });

        assertThat(store.count(realm, FIVE_PER_HOUR, "user-1", NOW)).isZero();
        assertThat(store.count(realm("realm-2"), FIVE_PER_HOUR, "user-1", NOW)).isEqualTo(1);
    }

    @Test
    @DisplayName("Given 8 callers making 10 attempts each at once on one subject with a limit of 5, then exactly 5 "
            + "are allowed")
    void racingCallers() throws Exception {
        AtomicInteger allowed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int node = 0; node < 8; node++) {
                // a store per thread, as every node and request has its own
                JpaThrottleStore own = database.store();
                running.add(nodes.submit((Callable<Void>) () -> {
                    start.await();
                    for (int attempt = 0; attempt < 10; attempt++) {
                        if (own.tryAcquire(realm, FIVE_PER_HOUR, "user-1", NOW)) {
                            allowed.incrementAndGet();
                        }
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
        assertThat(allowed).hasValue(5);
        assertThat(store.count(realm, FIVE_PER_HOUR, "user-1", NOW)).isEqualTo(5);
    }

    private static boolean rollsBack(Runnable work) {
        try {
            work.run();
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static RealmModel realm(String id) {
        RealmModel realm = mock(RealmModel.class);
        when(realm.getId()).thenReturn(id);
        return realm;
    }
}
