package io.github.keycloaksspr.audit;

/**
 * One audit record.
 *
 * @param id            unique id
 * @param realmId       the realm
 * @param userId        the user, or null when the flow never identified one (an unknown username)
 * @param activity      Entra's activity
 * @param gate          for {@link AuditActivity#FLOW_PROGRESS}, the gate; else null
 * @param method        the verification method involved, if any
 * @param result        passed or failed
 * @param failureReason a short machine-readable reason when failed
 * @param ipAddress     the client's address
 * @param flowId        ties the records of one reset attempt together (a digest, not the session id)
 * @param time          epoch millis
 */
public record AuditRecord(String id, String realmId, String userId, AuditActivity activity, FlowGate gate,
                          String method, AuditResult result, String failureReason, String ipAddress, String flowId,
                          long time) {
}
