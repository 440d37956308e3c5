package io.github.keycloaksspr.reset.verify;

/**
 * How starting a proof went.
 *
 * @param outcome      what happened
 * @param message      what the user reads about it (for READY, an optional notice)
 * @param providerCode for FAILED, the provider's error code for the audit record (e.g. Twilio's 21211); else null
 */
record Started(Outcome outcome, PageMessage message, String providerCode) {

    enum Outcome {
        /** The proof can be given now: a code went out, questions were drawn, or nothing needed sending. */
        READY,
        /** A code went out moments ago; the page asks the user to wait before another. */
        COOLDOWN,
        /** A throttle refused a new code; the user picks another method. */
        REFUSED,
        /** The channel failed (SMTP, Twilio); the user picks another method. */
        FAILED
    }

    static Started ready(PageMessage notice) {
        return new Started(Outcome.READY, notice, null);
    }

    static Started cooldown(long seconds) {
        return new Started(Outcome.COOLDOWN, PageMessage.error("ssprResendWait", seconds), null);
    }

    static Started refused(PageMessage message) {
        return new Started(Outcome.REFUSED, message, null);
    }

    static Started failed(PageMessage message, String providerCode) {
        return new Started(Outcome.FAILED, message, providerCode);
    }
}
