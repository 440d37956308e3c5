package io.github.keycloaksspr.audit;

/**
 * A page of audit records of one realm, newest first. Null filters match everything.
 */
public record AuditQuery(String realmId, AuditActivity activity, String userId, Long fromTime, Long toTime,
                         int first, int max) {

    public static final int MAX_PAGE = 1000;

    public AuditQuery {
        if (realmId == null) {
            throw new IllegalArgumentException("realmId is required");
        }
        if (first < 0) {
            throw new IllegalArgumentException("first must be 0 or more");
        }
        if (max < 1 || max > MAX_PAGE) {
            throw new IllegalArgumentException("max must be between 1 and " + MAX_PAGE);
        }
    }
}
