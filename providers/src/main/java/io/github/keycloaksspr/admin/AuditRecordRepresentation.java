package io.github.keycloaksspr.admin;

import io.github.keycloaksspr.audit.AuditRecord;

/** The JSON shape of an audit record: stable field names, Entra's activity name beside the enum constant. */
public record AuditRecordRepresentation(String id, String realmId, String userId, String activity,
                                        String activityName, String gate, String method, String result,
                                        String failureReason, String ipAddress, String flowId, long time) {

    static AuditRecordRepresentation of(AuditRecord record) {
        return new AuditRecordRepresentation(record.id(), record.realmId(), record.userId(),
                record.activity().name(), record.activity().displayName(),
                record.gate() == null ? null : record.gate().name(), record.method(), record.result().name(),
                record.failureReason(), record.ipAddress(), record.flowId(), record.time());
    }
}
