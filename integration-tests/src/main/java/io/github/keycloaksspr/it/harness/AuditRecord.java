package io.github.keycloaksspr.it.harness;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One row of the extension's audit trail as its admin REST endpoint returns it.
 *
 * @param time kept as the endpoint's text, so a change of its format fails the test that cares, not every test
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditRecord(String id, String realmId, String userId, String activity, String gate, String method,
                          String result, String failureReason, String ipAddress, String flowId, String time) {
}
