package io.github.keycloaksspr.notify.outbox;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

import io.github.keycloaksspr.notify.Notification;

/**
 * The notification outbox table, through the session's EntityManager: whatever this writes commits or rolls back
 * with the session's transaction. Claims are conditional updates, so nodes sharing the database never both own a row.
 */
public final class Outbox {

    static final int ERROR_LENGTH = 255;

    private final EntityManager em;

    Outbox(EntityManager em) {
        this.em = em;
    }

    public static Outbox of(KeycloakSession session) {
        return new Outbox(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    /** Adds a row due at once; the caller's transaction decides whether it ever exists. */
    public String add(Notification notification, long now) {
        OutboxEntity entity = new OutboxEntity();
        entity.setId(UUID.randomUUID().toString());
        entity.setRealmId(notification.realmId());
        entity.setKind(notification.kind().name());
        entity.setRecipientId(notification.recipientId());
        entity.setSubjectId(notification.subjectId());
        entity.setOccurredAt(notification.occurredAt());
        entity.setIpAddress(truncate(notification.ipAddress(), 64));
        entity.setUserAgent(truncate(notification.userAgent(), 255));
        entity.setStatus(OutboxStatus.PENDING.name());
        entity.setAttempts(0);
        entity.setNextAttemptAt(now);
        entity.setCreatedAt(now);
        em.persist(entity);
        return entity.getId();
    }

    /** Ids of rows a node may try to claim now: pending and due, or claimed by a node that never finished. */
    public List<String> due(long now, int limit) {
        return em.createQuery("select e.id from OutboxEntity e where (e.status = :pending and e.nextAttemptAt <= :now)"
                        + " or (e.status = :sending and e.claimedUntil < :now) order by e.nextAttemptAt", String.class)
                .setParameter("pending", OutboxStatus.PENDING.name())
                .setParameter("sending", OutboxStatus.SENDING.name())
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Claims one row until {@code claimedUntil}. The database applies the condition atomically, so of two nodes
     * claiming the same row one updates it and the other updates nothing.
     *
     * @return the claim token that later updates must present, or empty when another node owns the row
     */
    public Optional<String> claim(String id, long now, long claimedUntil) {
        String token = UUID.randomUUID().toString();
        int updated = em.createQuery("update OutboxEntity e set e.status = :sending, e.claimToken = :token,"
                        + " e.claimedUntil = :until, e.attempts = e.attempts + 1 where e.id = :id and"
                        + " ((e.status = :pending and e.nextAttemptAt <= :now) or (e.status = :sending and e.claimedUntil < :now))")
                .setParameter("sending", OutboxStatus.SENDING.name())
                .setParameter("pending", OutboxStatus.PENDING.name())
                .setParameter("token", token)
                .setParameter("until", claimedUntil)
                .setParameter("id", id)
                .setParameter("now", now)
                .executeUpdate();
        return updated == 1 ? Optional.of(token) : Optional.empty();
    }

    /** The row if {@code token} still owns it. */
    public Optional<OutboxEntity> claimed(String id, String token) {
        OutboxEntity entity = em.find(OutboxEntity.class, id);
        return entity != null && OutboxStatus.SENDING.name().equals(entity.getStatus())
                && token.equals(entity.getClaimToken()) ? Optional.of(entity) : Optional.empty();
    }

    /** Ends a claimed row's life as SENT, SKIPPED or FAILED. */
    public void finish(OutboxEntity entity, OutboxStatus status, long now, String error) {
        entity.setStatus(status.name());
        entity.setClaimToken(null);
        entity.setClaimedUntil(null);
        entity.setFinishedAt(now);
        entity.setLastError(truncate(error, ERROR_LENGTH));
    }

    /** Hands a claimed row back for another attempt at {@code nextAttemptAt}. */
    public void retryAt(OutboxEntity entity, long nextAttemptAt, String error) {
        entity.setStatus(OutboxStatus.PENDING.name());
        entity.setClaimToken(null);
        entity.setClaimedUntil(null);
        entity.setNextAttemptAt(nextAttemptAt);
        entity.setLastError(truncate(error, ERROR_LENGTH));
    }

    /** A page of one realm's rows, newest first; a null status matches all. */
    public List<OutboxEntity> page(String realmId, OutboxStatus status, int first, int max) {
        String jpql = "select e from OutboxEntity e where e.realmId = :realmId"
                + (status == null ? "" : " and e.status = :status") + " order by e.createdAt desc, e.id desc";
        TypedQuery<OutboxEntity> query = em.createQuery(jpql, OutboxEntity.class).setParameter("realmId", realmId);
        if (status != null) {
            query.setParameter("status", status.name());
        }
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public void removeRealm(String realmId) {
        em.createQuery("delete from OutboxEntity e where e.realmId = :realmId")
                .setParameter("realmId", realmId)
                .executeUpdate();
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
