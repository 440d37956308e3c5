package io.github.keycloaksspr.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * Throttle hits shared by every node and kept across restarts. Subjects are raw values (a user id, an E.164 number,
 * an IP address); a store keeps only their hashes. Every counting write is durable when the method returns,
 * whatever becomes of the caller's transaction: a request that fails later must not get its attempts back. Only
 * clearing a user after a reset and the housekeeping join the caller's transaction.
 */
public interface ThrottleStore extends Provider {

    /**
     * Records a hit if, counting it, the subject's hits in the limit's window are at most the limit's maximum.
     * Concurrent callers on any node never get more than the maximum past.
     *
     * @return whether the hit was allowed (and recorded)
     */
    default boolean tryAcquire(RealmModel realm, Limit limit, String subject, long now) {
        return tryAcquireAll(realm, List.of(new Charge(limit, subject)), now).isEmpty();
    }

    /**
     * Records one hit per charge if every charge is within its limit, or none at all.
     *
     * @return empty when allowed, else the kind of the first charge (in the given order) that is over its limit
     */
    Optional<ThrottleKind> tryAcquireAll(RealmModel realm, List<Charge> charges, long now);

    /** The subject's hits in the limit's window. */
    int count(RealmModel realm, Limit limit, String subject, long now);

    /** Records a hit with no cap. */
    void record(RealmModel realm, ThrottleKind kind, String subject, long now);

    /**
     * Records a failed proof for the user and, when that brings the failures in {@code failures}' window to its
     * maximum while the user is not blocked, blocks the user in the same step.
     *
     * @return whether this failure blocked the user
     */
    boolean recordFailure(RealmModel realm, Limit failures, String userId, long now);

    /** When the user's latest block ends, if it has not yet ended at {@code now}. */
    Optional<Instant> blockedUntil(RealmModel realm, String userId, Duration blockFor, long now);

    void block(RealmModel realm, String userId, long now);

    /**
     * Removes the user's own counters and block, within the caller's transaction: they go only if the password
     * reset that earned it commits. Per-number and per-address counters stay.
     */
    void clearUser(RealmModel realm, String userId);

    /**
     * Removes, within the caller's transaction, what was created before {@code cutoff} in every realm; returns how
     * many hits went.
     */
    int purge(long cutoff);

    /** Removes everything of a realm, within the caller's transaction, when the realm itself is removed. */
    void removeRealm(String realmId);
}
