package io.github.keycloaksspr.audit.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The SSPR_AUDIT_RECORD table; the Liquibase changelog in META-INF/sspr-changelog.xml creates it. */
@Entity
@Table(name = "SSPR_AUDIT_RECORD")
public class AuditRecordEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 255)
    private String userId;

    @Column(name = "ACTIVITY", length = 64, nullable = false)
    private String activity;

    @Column(name = "GATE", length = 64)
    private String gate;

    @Column(name = "METHOD", length = 255)
    private String method;

    @Column(name = "RESULT", length = 16, nullable = false)
    private String result;

    @Column(name = "FAILURE_REASON", length = 255)
    private String failureReason;

    @Column(name = "IP_ADDRESS", length = 64)
    private String ipAddress;

    @Column(name = "FLOW_ID", length = 64)
    private String flowId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getActivity() { return activity; }
    public void setActivity(String activity) { this.activity = activity; }
    public String getGate() { return gate; }
    public void setGate(String gate) { this.gate = gate; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
    public String getResult() { return result; }
    public void setResult(String result) { this.result = result; }
    public String getFailureReason() { return failureReason; }
    public void setFailureReason(String failureReason) { this.failureReason = failureReason; }
    public String getIpAddress() { return ipAddress; }
    public void setIpAddress(String ipAddress) { this.ipAddress = ipAddress; }
    public String getFlowId() { return flowId; }
    public void setFlowId(String flowId) { this.flowId = flowId; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
}
