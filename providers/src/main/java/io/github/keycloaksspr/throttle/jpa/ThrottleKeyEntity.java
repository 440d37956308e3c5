package io.github.keycloaksspr.throttle.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The SSPR_THROTTLE_KEY table: one row per realm, kind and subject, whose only job is to be row-locked while a
 * capped hit is counted and written, so that callers on every node take turns.
 */
@Entity
@Table(name = "SSPR_THROTTLE_KEY")
public class ThrottleKeyEntity {

    /** SHA-256 (hex) of realm id, kind id and subject hash. */
    @Id
    @Column(name = "ID", length = 64)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "TOUCHED_AT", nullable = false)
    private long touchedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public long getTouchedAt() { return touchedAt; }
    public void setTouchedAt(long touchedAt) { this.touchedAt = touchedAt; }
}
