package io.github.keycloaksspr.throttle.jpa;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;

/** The throttle tables through one EntityManager: every call joins that EntityManager's transaction. */
final class ThrottleRows {

    private final EntityManager em;

    ThrottleRows(EntityManager em) {
        this.em = em;
    }

    /**
     * Row-locks a counter until the transaction ends; a second transaction locking the same counter waits here.
     *
     * @return false when the counter has no row yet
     */
    boolean lock(CounterKey key, long now) {
        return em.createQuery("update ThrottleKeyEntity k set k.touchedAt = :now where k.id = :id")
                .setParameter("now", now)
                .setParameter("id", key.lockId())
                .executeUpdate() == 1;
    }

    /** Inserts the counter's row; a concurrent insert of the same row makes the commit fail on the primary key. */
    void createLock(CounterKey key, long now) {
        if (em.find(ThrottleKeyEntity.class, key.lockId()) == null) {
            ThrottleKeyEntity entity = new ThrottleKeyEntity();
            entity.setId(key.lockId());
            entity.setRealmId(key.realmId());
            entity.setTouchedAt(now);
            em.persist(entity);
        }
    }

    int count(CounterKey key, long since) {
        return em.createQuery("select count(h) from ThrottleHitEntity h where h.realmId = :realmId and h.kind = :kind"
                        + " and h.subject = :subject and h.createdAt >= :since", Long.class)
                .setParameter("realmId", key.realmId())
                .setParameter("kind", key.kind().id())
                .setParameter("subject", key.subjectHash())
                .setParameter("since", since)
                .getSingleResult()
                .intValue();
    }

    Optional<Long> latest(CounterKey key, long since) {
        Long latest = em.createQuery("select max(h.createdAt) from ThrottleHitEntity h where h.realmId = :realmId"
                        + " and h.kind = :kind and h.subject = :subject and h.createdAt >= :since", Long.class)
                .setParameter("realmId", key.realmId())
                .setParameter("kind", key.kind().id())
                .setParameter("subject", key.subjectHash())
                .setParameter("since", since)
                .getSingleResult();
        return Optional.ofNullable(latest);
    }

    void add(CounterKey key, long now) {
        ThrottleHitEntity hit = new ThrottleHitEntity();
        hit.setId(UUID.randomUUID().toString());
        hit.setRealmId(key.realmId());
        hit.setKind(key.kind().id());
        hit.setSubject(key.subjectHash());
        hit.setCreatedAt(now);
        em.persist(hit);
    }

    int delete(String realmId, Collection<String> kinds, Collection<String> subjectHashes) {
        return em.createQuery("delete from ThrottleHitEntity h where h.realmId = :realmId and h.kind in :kinds"
                        + " and h.subject in :subjects")
                .setParameter("realmId", realmId)
                .setParameter("kinds", kinds)
                .setParameter("subjects", subjectHashes)
                .executeUpdate();
    }

    int purgeHits(long cutoff) {
        return em.createQuery("delete from ThrottleHitEntity h where h.createdAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    /** Counter rows nobody locked since the cutoff; a caller that finds its row gone creates it again. */
    int purgeLocks(long cutoff) {
        return em.createQuery("delete from ThrottleKeyEntity k where k.touchedAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    void removeRealm(String realmId) {
        em.createQuery("delete from ThrottleHitEntity h where h.realmId = :realmId")
                .setParameter("realmId", realmId)
                .executeUpdate();
        em.createQuery("delete from ThrottleKeyEntity k where k.realmId = :realmId")
                .setParameter("realmId", realmId)
                .executeUpdate();
    }
}
