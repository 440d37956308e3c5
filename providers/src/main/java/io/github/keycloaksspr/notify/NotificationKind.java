package io.github.keycloaksspr.notify;

/** What an outbox row stands for. */
public enum NotificationKind {
    /** Mail to a user who reset their own password through self-service. */
    USER_SELF_SERVICE_RESET,
    /** Mail to a user whose password an admin reset or set. */
    USER_ADMIN_RESET,
    /**
     * An account reset its password through self-service; the drain checks whether it is an admin and, if so, adds
     * one {@link #ADMIN_ALERT} row per other admin. Resolving recipients there keeps the reset request independent
     * of the number of admins.
     */
    ADMIN_FANOUT,
    /** Mail to one admin naming another admin account that reset its password. */
    ADMIN_ALERT
}
