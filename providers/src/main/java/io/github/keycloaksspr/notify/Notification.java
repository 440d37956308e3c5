package io.github.keycloaksspr.notify;

/**
 * One reset that someone must hear about, as the event listener records it.
 *
 * @param recipientId the user to mail; null for {@link NotificationKind#ADMIN_FANOUT}, whose recipients the drain finds
 * @param subjectId   the user whose password was reset
 * @param ipAddress   where the reset came from, as Keycloak saw it
 * @param userAgent   the browser's User-Agent header, if any
 */
public record Notification(String realmId, NotificationKind kind, String recipientId, String subjectId,
                           long occurredAt, String ipAddress, String userAgent) {
}
