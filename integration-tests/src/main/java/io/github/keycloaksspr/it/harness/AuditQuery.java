package io.github.keycloaksspr.it.harness;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Filters of {@code GET /admin/realms/{realm}/sspr/audit}; a null field is left out of the query. */
public record AuditQuery(String activity, String userId, Integer first, Integer max) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null);
    }

    public AuditQuery withActivity(String value) {
        return new AuditQuery(value, userId, first, max);
    }

    public AuditQuery withUserId(String value) {
        return new AuditQuery(activity, value, first, max);
    }

    public AuditQuery page(int firstResult, int maxResults) {
        return new AuditQuery(activity, userId, firstResult, maxResults);
    }

    String queryString() {
        List<String> parameters = new ArrayList<>();
        add(parameters, "activity", activity);
        add(parameters, "userId", userId);
        add(parameters, "first", first);
        add(parameters, "max", max);
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }

    private static void add(List<String> parameters, String name, Object value) {
        if (value != null) {
            parameters.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }
}
