package io.github.keycloaksspr.twilio;

import io.github.keycloaksspr.phone.PhoneNumber;

/** The phone channel: texts and voice calls. {@link TwilioGateway} talks to Twilio; tests point it at a double. */
public interface PhoneGateway {

    /** Sends {@code body} as an SMS to {@code to}; returns once the provider has accepted it. */
    void sendSms(PhoneNumber to, String body) throws PhoneSendException;

    /**
     * Calls {@code to} and plays {@code twiml} when it answers; an extension is dialled first, after a short wait.
     * Returns once the provider has queued the call.
     */
    void call(PhoneNumber to, String twiml) throws PhoneSendException;
}
