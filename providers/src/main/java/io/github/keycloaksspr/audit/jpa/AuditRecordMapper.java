package io.github.keycloaksspr.audit.jpa;

import io.github.keycloaksspr.audit.AuditActivity;
import io.github.keycloaksspr.audit.AuditRecord;
import io.github.keycloaksspr.audit.AuditResult;
import io.github.keycloaksspr.audit.FlowGate;

/** Converts between the value the domain uses and the row JPA stores. */
final class AuditRecordMapper {

    private AuditRecordMapper() {
    }

    static AuditRecordEntity toEntity(AuditRecord record) {
        AuditRecordEntity entity = new AuditRecordEntity();
        entity.setId(record.id());
        entity.setRealmId(record.realmId());
        entity.setUserId(record.userId());
        entity.setActivity(record.activity().name());
        entity.setGate(record.gate() == null ? null : record.gate().name());
        entity.setMethod(record.method());
        entity.setResult(record.result().name());
        entity.setFailureReason(truncate(record.failureReason(), 255));
        entity.setIpAddress(truncate(record.ipAddress(), 64));
        entity.setFlowId(record.flowId());
        entity.setCreatedAt(record.time());
        return entity;
    }

    static AuditRecord toRecord(AuditRecordEntity entity) {
        return new AuditRecord(entity.getId(), entity.getRealmId(), entity.getUserId(),
                AuditActivity.valueOf(entity.getActivity()),
                entity.getGate() == null ? null : FlowGate.valueOf(entity.getGate()),
                entity.getMethod(), AuditResult.valueOf(entity.getResult()), entity.getFailureReason(),
                entity.getIpAddress(), entity.getFlowId(), entity.getCreatedAt());
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
