package io.github.keycloaksspr.audit;

public enum AuditResult {
    SUCCESS,
    FAILURE
}
