package io.github.keycloaksspr.audit;

/** The audit activities, named as Microsoft Entra names them so admins and SIEM rules recognise them. */
public enum AuditActivity {
    POLICY_CHANGE("Self-service password reset policy changes"),
    BLOCKED("Blocked from self-service password reset"),
    CHANGE_PASSWORD_SELF_SERVICE("Change password (self-service)"),
    RESET_PASSWORD_BY_ADMIN("Reset password (by admin)"),
    RESET_PASSWORD_SELF_SERVICE("Reset password (self-service)"),
    FLOW_PROGRESS("Self-service password reset flow activity progress"),
    UNLOCK_SELF_SERVICE("Unlock user account (self-service)"),
    USER_REGISTERED("User registered for self-service password reset");

    private final String displayName;

    AuditActivity(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
