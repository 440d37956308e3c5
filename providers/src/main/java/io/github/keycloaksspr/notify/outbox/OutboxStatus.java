package io.github.keycloaksspr.notify.outbox;

/** Where an outbox row stands; only PENDING and expired SENDING rows can be claimed. */
public enum OutboxStatus {
    PENDING,
    /** Claimed by a node until its claim expires. */
    SENDING,
    SENT,
    /** Nothing to send: the recipient is gone, disabled or has no address, or the account is no admin. */
    SKIPPED,
    /** Every attempt failed; kept for admins to see. */
    FAILED
}
