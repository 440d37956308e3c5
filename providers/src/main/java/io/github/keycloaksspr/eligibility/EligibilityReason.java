package io.github.keycloaksspr.eligibility;

/**
 * Why a user may or may not enter the reset flow. The reason goes to the audit record and the event only;
 * every refusal looks the same to the person at the keyboard.
 */
public enum EligibilityReason {
    ELIGIBLE(null),
    USER_NOT_FOUND("user_not_found"),
    USER_DISABLED("user_disabled"),
    NOT_ENABLED("not_enabled_for_sspr"),
    NOT_REGISTERED("not_registered"),
    /** A directory-federated admin: Entra never lets on-premises admin accounts reset themselves. */
    FEDERATED_ADMIN("federated_admin"),
    /** A directory-federated account whose new password could not reach the directory. */
    PASSWORD_MANAGED_ON_PREMISES("password_managed_on_premises");

    private final String code;

    EligibilityReason(String code) {
        this.code = code;
    }

    /** The failure reason recorded in audit records and event details; null when eligible. */
    public String code() {
        return code;
    }
}
