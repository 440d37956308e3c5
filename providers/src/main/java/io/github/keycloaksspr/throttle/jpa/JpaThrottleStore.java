package io.github.keycloaksspr.throttle.jpa;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;

import io.github.keycloaksspr.throttle.Charge;
import io.github.keycloaksspr.throttle.Limit;
import io.github.keycloaksspr.throttle.Subjects;
import io.github.keycloaksspr.throttle.ThrottleKind;
import io.github.keycloaksspr.throttle.ThrottleStore;

/**
 * Throttle hits in the realm database, so every node sees them and they outlive restarts.
 *
 * <p>Why a capped hit can never be let past its maximum, on any number of nodes: every write runs in a transaction
 * of its own that has committed before the method returns, so no hit hides in a request transaction that commits
 * only when the HTTP request ends. Within that transaction the caller first row-locks the counter's row in
 * SSPR_THROTTLE_KEY (an UPDATE, which waits for any other holder's commit), and only then counts the hits and adds
 * its own. Callers of one counter thus take turns, and each one's count runs after the previous holder's insert has
 * committed: under READ COMMITTED (PostgreSQL, H2, Keycloak's usual setting) every statement reads what is committed
 * when it starts, and under InnoDB's REPEATABLE READ the snapshot is taken at the first plain read, the count, which
 * again comes after the lock. Counting without the lock would let two callers both see max-1 and both insert.
 * Several counters (user, number, address) are locked in one fixed order, so two callers cannot deadlock.
 */
final class JpaThrottleStore implements ThrottleStore {

    private static final Logger LOG = Logger.getLogger(JpaThrottleStore.class);
    /** A counter row can vanish between its creation and the lock only if a purge races it; twice is plenty. */
    private static final int LOCK_ATTEMPTS = 3;

    private final Transactions transactions;
    private final Supplier<EntityManager> callerEntityManager;

    JpaThrottleStore(Transactions transactions, Supplier<EntityManager> callerEntityManager) {
        this.transactions = transactions;
        this.callerEntityManager = callerEntityManager;
    }

    @Override
    public Optional<ThrottleKind> tryAcquireAll(RealmModel realm, List<Charge> charges, long now) {
        List<CounterKey> keys = new ArrayList<>();
        for (Charge charge : charges) {
            keys.add(CounterKey.of(realm.getId(), charge.kind(), charge.subject()));
        }
        return underLocks(keys, now, rows -> {
            for (int i = 0; i < charges.size(); i++) {
                Limit limit = charges.get(i).limit();
                if (rows.count(keys.get(i), limit.windowStart(now)) >= limit.max()) {
                    return Optional.of(limit.kind());
                }
            }
            keys.forEach(key -> rows.add(key, now));
            return Optional.empty();
        });
    }

    @Override
    public int count(RealmModel realm, Limit limit, String subject, long now) {
        CounterKey key = CounterKey.of(realm.getId(), limit.kind(), subject);
        return transactions.inNew(em -> new ThrottleRows(em).count(key, limit.windowStart(now)));
    }

    @Override
    public void record(RealmModel realm, ThrottleKind kind, String subject, long now) {
        CounterKey key = CounterKey.of(realm.getId(), kind, subject);
        transactions.inNew(em -> {
            new ThrottleRows(em).add(key, now);
            return null;
        });
    }

    @Override
    public boolean recordFailure(RealmModel realm, Limit failures, String userId, long now) {
        CounterKey failure = CounterKey.of(realm.getId(), failures.kind(), Subjects.user(userId));
        CounterKey block = CounterKey.of(realm.getId(), ThrottleKind.BLOCK, Subjects.user(userId));
        // the failure counter's lock makes "this failure is the one that reached the maximum" true for one caller
        return underLocks(List.of(failure), now, rows -> {
            rows.add(failure, now);
            boolean reached = rows.count(failure, failures.windowStart(now)) >= failures.max();
            if (reached && rows.latest(block, failures.windowStart(now)).isEmpty()) {
                rows.add(block, now);
                return true;
            }
            return false;
        });
    }

    @Override
    public Optional<Instant> blockedUntil(RealmModel realm, String userId, Duration blockFor, long now) {
        CounterKey block = CounterKey.of(realm.getId(), ThrottleKind.BLOCK, Subjects.user(userId));
        long since = now - blockFor.toMillis() + 1;
        return transactions.inNew(em -> new ThrottleRows(em).latest(block, since))
                .map(start -> Instant.ofEpochMilli(start + blockFor.toMillis()));
    }

    @Override
    public void block(RealmModel realm, String userId, long now) {
        record(realm, ThrottleKind.BLOCK, Subjects.user(userId), now);
    }

    @Override
    public void clearUser(RealmModel realm, String userId) {
        List<String> kinds = new ArrayList<>();
        for (ThrottleKind kind : ThrottleKind.values()) {
            if (kind.perUser()) {
                kinds.add(kind.id());
            }
        }
        List<String> subjects = Subjects.allOfUser(userId).stream().map(Subjects::hash).toList();
        new ThrottleRows(callerEntityManager.get()).delete(realm.getId(), kinds, subjects);
    }

    @Override
    public int purge(long cutoff) {
        ThrottleRows rows = new ThrottleRows(callerEntityManager.get());
        int hits = rows.purgeHits(cutoff);
        rows.purgeLocks(cutoff);
        return hits;
    }

    @Override
    public void removeRealm(String realmId) {
        new ThrottleRows(callerEntityManager.get()).removeRealm(realmId);
    }

    @Override
    public void close() {
        // each unit of work closed its own session
    }

    /**
     * Runs {@code work} in one new transaction holding the locks of all {@code keys}, creating missing counter rows
     * first. Locks are taken in the order of their ids, the same order for every caller.
     */
    private <T> T underLocks(List<CounterKey> keys, long now, Function<ThrottleRows, T> work) {
        List<CounterKey> ordered = keys.stream().distinct().sorted(Comparator.comparing(CounterKey::lockId)).toList();
        for (int attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
            Optional<T> done = transactions.inNew(em -> {
                ThrottleRows rows = new ThrottleRows(em);
                for (CounterKey key : ordered) {
                    if (!rows.lock(key, now)) {
                        return Optional.empty();
                    }
                }
                return Optional.of(work.apply(rows));
            });
            if (done.isPresent()) {
                return done.get();
            }
            ordered.forEach(key -> createLock(key, now));
        }
        throw new IllegalStateException("Throttle counter rows could not be created");
    }

    private void createLock(CounterKey key, long now) {
        try {
            transactions.inNew(em -> {
                new ThrottleRows(em).createLock(key, now);
                return null;
            });
        } catch (RuntimeException e) {
            // most likely another caller created the same row first; the next lock attempt tells
            LOG.debugf("Throttle counter row not created: %s", e.getClass().getSimpleName());
        }
    }
}
