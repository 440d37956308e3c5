package io.github.keycloaksspr.notify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.HttpHeaders;

import org.keycloak.common.util.Time;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import io.github.keycloaksspr.audit.EventDetails;
import io.github.keycloaksspr.notify.outbox.Outbox;
import io.github.keycloaksspr.policy.Policy;
import io.github.keycloaksspr.policy.PolicyResolver;

/**
 * Turns password resets into outbox rows, inside the request's transaction: a reset that rolls back leaves no row,
 * and a committed one cannot lose its notice. Nothing is resolved or sent here; the drain does that after commit.
 */
final class NotifyEventListener implements EventListenerProvider {

    /** Admin REST's reset-password, which the admin console's "Set password" also calls. */
    private static final Pattern RESET_PASSWORD_PATH = Pattern.compile("users/([^/]+)/reset-password");
    private static final String KICK_ENLISTED = "sspr.notify.kick-enlisted";

    private final KeycloakSession session;
    private final OutboxKick kick;

    NotifyEventListener(KeycloakSession session, OutboxKick kick) {
        this.session = session;
        this.kick = kick;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != EventType.RESET_PASSWORD || event.getError() != null || event.getUserId() == null
                || event.getDetails() == null || !event.getDetails().containsKey(EventDetails.METHODS)) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        Policy policy = PolicyResolver.resolve(session, realm);
        String userId = event.getUserId();
        if (policy.notifyUsers()) {
            record(new Notification(realm.getId(), NotificationKind.USER_SELF_SERVICE_RESET, userId, userId,
                    event.getTime(), event.getIpAddress(), userAgent()));
        }
        if (policy.notifyAdmins()) {
            record(new Notification(realm.getId(), NotificationKind.ADMIN_FANOUT, null, userId,
                    event.getTime(), event.getIpAddress(), userAgent()));
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getResourceType() != ResourceType.USER || event.getOperationType() != OperationType.ACTION
                || event.getError() != null || event.getResourcePath() == null) {
            return;
        }
        Matcher path = RESET_PASSWORD_PATH.matcher(event.getResourcePath());
        if (!path.matches()) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (!PolicyResolver.resolve(session, realm).notifyUsers()) {
            return;
        }
        String userId = path.group(1);
        String ipAddress = event.getAuthDetails() == null ? null : event.getAuthDetails().getIpAddress();
        record(new Notification(realm.getId(), NotificationKind.USER_ADMIN_RESET, userId, userId, event.getTime(),
                ipAddress, userAgent()));
    }

    private void record(Notification notification) {
        Outbox.of(session).add(notification, Time.currentTimeMillis());
        // one prompt drain per request, however many rows it wrote
        if (session.getAttribute(KICK_ENLISTED) == null) {
            session.setAttribute(KICK_ENLISTED, Boolean.TRUE);
            session.getTransactionManager().enlistAfterCompletion(kick.afterCommit(session));
        }
    }

    private String userAgent() {
        try {
            return Optional.ofNullable(session.getContext().getRequestHeaders())
                    .map(headers -> headers.getHeaderString(HttpHeaders.USER_AGENT))
                    .orElse(null);
        } catch (RuntimeException e) {
            // no request around this event (e.g. an import); the notice just leaves the browser out
            return null;
        }
    }

    @Override
    public void close() {
        // nothing held
    }
}
