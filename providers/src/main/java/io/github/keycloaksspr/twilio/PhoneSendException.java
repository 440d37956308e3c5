package io.github.keycloaksspr.twilio;

import java.util.Objects;

/**
 * A text or call that did not go out. The message names the failure and the provider's code only: never the body,
 * the one-time code in it, or the provider's own text, which may quote the phone number.
 */
public final class PhoneSendException extends Exception {

    private final PhoneSendFailure failure;
    private final String providerCode;

    public PhoneSendException(PhoneSendFailure failure, String providerCode) {
        this(failure, providerCode, null);
    }

    public PhoneSendException(PhoneSendFailure failure, String providerCode, Throwable cause) {
        super("Phone message not sent: " + failure + " (" + providerCode + ")", cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.providerCode = Objects.requireNonNull(providerCode, "providerCode");
    }

    public PhoneSendFailure failure() {
        return failure;
    }

    /** The provider's error code for the audit record: a Twilio code such as "21211", "http-503" or "timeout". */
    public String providerCode() {
        return providerCode;
    }
}
