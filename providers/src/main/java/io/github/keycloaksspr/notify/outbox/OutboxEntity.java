package io.github.keycloaksspr.notify.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The SSPR_NOTIFICATION table; the Liquibase changelog in META-INF/sspr-changelog.xml creates it. */
@Entity
@Table(name = "SSPR_NOTIFICATION")
public class OutboxEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "KIND", length = 32, nullable = false)
    private String kind;

    @Column(name = "RECIPIENT_ID", length = 255)
    private String recipientId;

    @Column(name = "SUBJECT_ID", length = 255, nullable = false)
    private String subjectId;

    @Column(name = "OCCURRED_AT", nullable = false)
    private long occurredAt;

    @Column(name = "IP_ADDRESS", length = 64)
    private String ipAddress;

    @Column(name = "USER_AGENT", length = 255)
    private String userAgent;

    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private long nextAttemptAt;

    @Column(name = "CLAIM_TOKEN", length = 36)
    private String claimToken;

    @Column(name = "CLAIMED_UNTIL")
    private Long claimedUntil;

    @Column(name = "LAST_ERROR", length = 255)
    private String lastError;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "FINISHED_AT")
    private Long finishedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getRecipientId() { return recipientId; }
    public void setRecipientId(String recipientId) { this.recipientId = recipientId; }
    public String getSubjectId() { return subjectId; }
    public void setSubjectId(String subjectId) { this.subjectId = subjectId; }
    public long getOccurredAt() { return occurredAt; }
    public void setOccurredAt(long occurredAt) { this.occurredAt = occurredAt; }
    public String getIpAddress() { return ipAddress; }
    public void setIpAddress(String ipAddress) { this.ipAddress = ipAddress; }
    public String getUserAgent() { return userAgent; }
    public void setUserAgent(String userAgent) { this.userAgent = userAgent; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public long getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(long nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
    public String getClaimToken() { return claimToken; }
    public void setClaimToken(String claimToken) { this.claimToken = claimToken; }
    public Long getClaimedUntil() { return claimedUntil; }
    public void setClaimedUntil(Long claimedUntil) { this.claimedUntil = claimedUntil; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public Long getFinishedAt() { return finishedAt; }
    public void setFinishedAt(Long finishedAt) { this.finishedAt = finishedAt; }
}
