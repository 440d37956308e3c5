package io.github.keycloaksspr.twilio;

/** Why a text or call did not go out, in the terms the reset flow and the audit trail need. */
public enum PhoneSendFailure {
    /** The provider says the number cannot be reached this way: malformed, unassigned, or not a mobile. */
    INVALID_NUMBER,
    /** Too many requests for the account or the number; trying again later may work. */
    RATE_LIMITED,
    /** The provider failed (HTTP 5xx) or could not be reached; trying again later may work. */
    PROVIDER_ERROR,
    /** No answer within the configured timeout; the message may or may not have been sent. */
    TIMEOUT,
    /** Wrong credentials, sender or account permissions: an admin has to fix the settings. */
    CONFIGURATION,
    /** Any other refusal by the provider. */
    REJECTED
}
