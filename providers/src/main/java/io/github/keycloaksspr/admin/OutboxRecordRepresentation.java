package io.github.keycloaksspr.admin;

import io.github.keycloaksspr.notify.outbox.OutboxEntity;

/**
 * One notification as admins see it: whom it is for, about whom, and how sending went. The browser string and
 * address stay in the database; the mail itself shows them to its recipient.
 */
public record OutboxRecordRepresentation(String id, String kind, String recipientId, String subjectId,
                                         long occurredAt, String status, int attempts, long nextAttemptAt,
                                         String lastError, long createdAt, Long finishedAt) {

    static OutboxRecordRepresentation of(OutboxEntity entity) {
        return new OutboxRecordRepresentation(entity.getId(), entity.getKind(), entity.getRecipientId(),
                entity.getSubjectId(), entity.getOccurredAt(), entity.getStatus(), entity.getAttempts(),
                entity.getNextAttemptAt(), entity.getLastError(), entity.getCreatedAt(), entity.getFinishedAt());
    }
}
