package io.github.keycloaksspr.notify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import io.github.keycloaksspr.notify.outbox.Outbox;
import io.github.keycloaksspr.notify.outbox.OutboxEntity;
import io.github.keycloaksspr.notify.outbox.OutboxStatus;
import io.github.keycloaksspr.policy.PolicyResolver;
import io.github.keycloaksspr.privilege.AdminAccounts;

/**
 * Sends what is due in the outbox. Every row is claimed in its own short transaction before anything is sent, so
 * any number of drains, on one node or several, can run at once and each row is mailed by the one that claimed it.
 * A node that dies mid-send leaves a claim that expires; the row is then claimed again.
 */
final class OutboxDrain {

    private static final Logger LOG = Logger.getLogger(OutboxDrain.class);
    static final int BATCH = 50;
    /** Bounds one drain, so a flood of new rows cannot keep a pool thread forever; the next drain continues. */
    static final int MAX_ROUNDS = 40;

    private final KeycloakSessionFactory factory;
    private final Backoff backoff;
    private final Duration claimFor;

    OutboxDrain(KeycloakSessionFactory factory, Backoff backoff, Duration claimFor) {
        this.factory = factory;
        this.backoff = backoff;
        this.claimFor = claimFor;
    }

    /** For pools and timers: a failure is logged and left to the next drain. */
    void runQuietly() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("Notification outbox drain stopped early; the next drain continues", e);
        }
    }

    /** Claims and handles due rows until none is left for this drain; returns how many it handled. */
    int run() {
        int handled = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            long now = Time.currentTimeMillis();
            List<String> due = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                    session -> Outbox.of(session).due(now, BATCH));
            int claimed = 0;
            for (String id : due) {
                Optional<String> token = claim(id);
                if (token.isPresent()) {
                    claimed++;
                    KeycloakModelUtils.runJobInTransaction(factory, session -> handle(session, id, token.get()));
                }
            }
            if (claimed == 0) {
                // nothing due, or other drains own all of it
                return handled;
            }
            handled += claimed;
        }
        return handled;
    }

    private Optional<String> claim(String id) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            long now = Time.currentTimeMillis();
            return Outbox.of(session).claim(id, now, now + claimFor.toMillis());
        });
    }

    private void handle(KeycloakSession session, String id, String token) {
        Outbox outbox = Outbox.of(session);
        Optional<OutboxEntity> claimed = outbox.claimed(id, token);
        if (claimed.isEmpty()) {
            return;
        }
        OutboxEntity row = claimed.get();
        if (row.getAttempts() > backoff.maxAttempts()) {
            // a row whose handling kept crashing rather than failing cleanly
            outbox.finish(row, OutboxStatus.FAILED, Time.currentTimeMillis(), "Gave up after repeated errors");
            return;
        }
        RealmModel realm = session.realms().getRealm(row.getRealmId());
        if (realm == null) {
            outbox.finish(row, OutboxStatus.SKIPPED, Time.currentTimeMillis(), "Realm removed");
            return;
        }
        session.getContext().setRealm(realm);
        try {
            Outcome outcome = deliver(session, realm, outbox, row);
            outbox.finish(row, outcome.status(), Time.currentTimeMillis(), outcome.reason());
        } catch (EmailException e) {
            failed(outbox, row, e);
        }
    }

    private Outcome deliver(KeycloakSession session, RealmModel realm, Outbox outbox, OutboxEntity row)
            throws EmailException {
        NotificationKind kind = NotificationKind.valueOf(row.getKind());
        UserModel subject = session.users().getUserById(realm, row.getSubjectId());
        if (subject == null) {
            return Outcome.skipped("Account removed");
        }
        NotificationMailer mailer = new NotificationMailer(session, realm);
        switch (kind) {
            case USER_SELF_SERVICE_RESET, USER_ADMIN_RESET -> {
                if (!hasEmail(subject)) {
                    return Outcome.skipped("Account has no email address");
                }
                mailer.sendUserNotice(row, subject);
                return Outcome.SENT;
            }
            case ADMIN_FANOUT -> {
                return fanOut(session, realm, outbox, row, subject);
            }
            case ADMIN_ALERT -> {
                UserModel recipient = session.users().getUserById(realm, row.getRecipientId());
                if (recipient == null || !recipient.isEnabled() || !hasEmail(recipient)) {
                    return Outcome.skipped("Admin removed, disabled or without email address");
                }
                mailer.sendAdminAlert(row, recipient, subject);
                return Outcome.SENT;
            }
            default -> throw new IllegalStateException("Unknown notification kind " + kind);
        }
    }

    /** One row per other admin, written in the same transaction that closes the fan-out row. */
    private static Outcome fanOut(KeycloakSession session, RealmModel realm, Outbox outbox, OutboxEntity row,
                                  UserModel subject) {
        AdminAccounts admins = new AdminAccounts(session, realm,
                PolicyResolver.resolve(session, realm).adminRoles());
        if (!admins.isAdmin(subject)) {
            return Outcome.skipped("Account is not an admin");
        }
        long now = Time.currentTimeMillis();
        for (UserModel admin : admins.otherAdmins(subject)) {
            outbox.add(new Notification(row.getRealmId(), NotificationKind.ADMIN_ALERT, admin.getId(),
                    subject.getId(), row.getOccurredAt(), row.getIpAddress(), row.getUserAgent()), now);
        }
        return Outcome.SENT;
    }

    private void failed(Outbox outbox, OutboxEntity row, EmailException e) {
        // the cause's class and message say what SMTP did; a notice carries no secret that could leak here
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        long now = Time.currentTimeMillis();
        if (backoff.retries(row.getAttempts())) {
            Duration delay = backoff.delayAfter(row.getAttempts());
            outbox.retryAt(row, now + delay.toMillis(), reason);
            LOG.warnf("Notification %s not sent (attempt %d), retrying in %d s: %s", row.getId(), row.getAttempts(),
                    delay.toSeconds(), cause.getClass().getSimpleName());
        } else {
            outbox.finish(row, OutboxStatus.FAILED, now, reason);
            LOG.errorf("Notification %s not sent after %d attempts; given up", row.getId(), row.getAttempts());
        }
    }

    private static boolean hasEmail(UserModel user) {
        return user.getEmail() != null && !user.getEmail().isBlank();
    }

    private record Outcome(OutboxStatus status, String reason) {
        static final Outcome SENT = new Outcome(OutboxStatus.SENT, null);

        static Outcome skipped(String reason) {
            return new Outcome(OutboxStatus.SKIPPED, reason);
        }
    }
}
