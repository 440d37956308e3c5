package io.github.keycloaksspr.reset.verify;

/** Gets a one-time code to the user: by mail, by SMS or read out by a call. */
interface CodeDelivery {

    /** Sends {@code code}; the code must appear in the message and nowhere else (no log, no event, no exception). */
    void deliver(Proof proof, String code) throws DeliveryFailure;

    /** A channel that could not deliver: what the user reads and what the audit record keeps. */
    final class DeliveryFailure extends Exception {

        private static final long serialVersionUID = 1L;

        private final PageMessage message;
        private final String providerCode;

        /** {@code detail} is for the server log: the channel's error, which never contains the code. */
        DeliveryFailure(PageMessage message, String providerCode, String detail, Throwable cause) {
            super(detail, cause);
            this.message = message;
            this.providerCode = providerCode;
        }

        PageMessage message() {
            return message;
        }

        String providerCode() {
            return providerCode;
        }
    }
}
