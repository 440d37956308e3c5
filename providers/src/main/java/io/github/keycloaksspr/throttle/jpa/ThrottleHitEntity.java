package io.github.keycloaksspr.throttle.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The SSPR_THROTTLE_HIT table: one row per counted hit or block; the Liquibase changelog creates it. */
@Entity
@Table(name = "SSPR_THROTTLE_HIT")
public class ThrottleHitEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "KIND", length = 16, nullable = false)
    private String kind;

    /** The SHA-256 (hex) of the user id, number or address, never the value itself. */
    @Column(name = "SUBJECT", length = 64, nullable = false)
    private String subject;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
}
