package io.github.keycloaksspr.admin;

import java.util.Arrays;
import java.util.Locale;

import io.github.keycloaksspr.audit.AuditQuery;
import io.github.keycloaksspr.notify.outbox.OutboxStatus;

/** The outbox query's parameters, validated; {@code error} says in one sentence what was wrong. */
record OutboxQueryParameters(OutboxStatus status, int first, int max, String error) {

    static OutboxQueryParameters parse(String status, String first, String max) {
        OutboxStatus parsedStatus = null;
        if (status != null && !status.isBlank()) {
            try {
                parsedStatus = OutboxStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return invalid("status must be one of " + Arrays.toString(OutboxStatus.values()) + ".");
            }
        }
        int parsedFirst;
        int parsedMax;
        try {
            parsedFirst = first == null || first.isBlank() ? 0 : Integer.parseInt(first.trim());
            parsedMax = max == null || max.isBlank() ? QueryParameters.DEFAULT_MAX : Integer.parseInt(max.trim());
        } catch (NumberFormatException e) {
            return invalid("first and max must be whole numbers.");
        }
        if (parsedFirst < 0) {
            return invalid("first must be 0 or more.");
        }
        if (parsedMax < 1 || parsedMax > AuditQuery.MAX_PAGE) {
            return invalid("max must be between 1 and " + AuditQuery.MAX_PAGE + ".");
        }
        return new OutboxQueryParameters(parsedStatus, parsedFirst, parsedMax, null);
    }

    private static OutboxQueryParameters invalid(String error) {
        return new OutboxQueryParameters(null, 0, QueryParameters.DEFAULT_MAX, error);
    }
}
