package io.github.keycloaksspr.admin;

import java.util.Locale;

import io.github.keycloaksspr.audit.AuditActivity;
import io.github.keycloaksspr.audit.AuditQuery;

/** The audit query's parameters, validated; {@code error} says in one sentence what was wrong. */
record QueryParameters(AuditActivity activity, String userId, Long from, Long to, int first, int max, String error) {

    static final int DEFAULT_MAX = 100;

    static QueryParameters parse(String activity, String userId, String from, String to, String first, String max) {
        AuditActivity parsedActivity = null;
        if (activity != null && !activity.isBlank()) {
            try {
                parsedActivity = AuditActivity.valueOf(activity.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return invalid("activity must be one of the names listed at audit/activities.");
            }
        }
        if (userId != null && userId.length() > 255) {
            return invalid("userId is too long.");
        }
        Long parsedFrom;
        Long parsedTo;
        int parsedFirst;
        int parsedMax;
        try {
            parsedFrom = optionalLong(from);
            parsedTo = optionalLong(to);
            parsedFirst = first == null || first.isBlank() ? 0 : Integer.parseInt(first.trim());
            parsedMax = max == null || max.isBlank() ? DEFAULT_MAX : Integer.parseInt(max.trim());
        } catch (NumberFormatException e) {
            return invalid("from and to must be epoch milliseconds; first and max whole numbers.");
        }
        if (parsedFirst < 0) {
            return invalid("first must be 0 or more.");
        }
        if (parsedMax < 1 || parsedMax > AuditQuery.MAX_PAGE) {
            return invalid("max must be between 1 and " + AuditQuery.MAX_PAGE + ".");
        }
        if (parsedFrom != null && parsedTo != null && parsedFrom > parsedTo) {
            return invalid("from must not be after to.");
        }
        String parsedUser = userId == null || userId.isBlank() ? null : userId.trim();
        return new QueryParameters(parsedActivity, parsedUser, parsedFrom, parsedTo, parsedFirst, parsedMax, null);
    }

    private static Long optionalLong(String value) {
        return value == null || value.isBlank() ? null : Long.parseLong(value.trim());
    }

    private static QueryParameters invalid(String error) {
        return new QueryParameters(null, null, null, null, 0, DEFAULT_MAX, error);
    }
}
