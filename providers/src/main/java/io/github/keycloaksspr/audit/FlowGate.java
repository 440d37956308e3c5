package io.github.keycloaksspr.audit;

/** The gates of the reset flow; each pass or failure is one "flow activity progress" record. */
public enum FlowGate {
    CAPTCHA,
    ELIGIBILITY,
    CODE_SENT,
    METHOD_VERIFIED,
    NEW_PASSWORD
}
