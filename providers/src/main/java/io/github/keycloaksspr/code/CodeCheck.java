package io.github.keycloaksspr.code;

/** The outcome of comparing what a user typed with the pending code. */
public enum CodeCheck {
    MATCH,
    MISMATCH,
    EXPIRED
}
