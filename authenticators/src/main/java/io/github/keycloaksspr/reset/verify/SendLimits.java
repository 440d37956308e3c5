package io.github.keycloaksspr.reset.verify;

import java.util.Optional;

import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.method.PhoneCredentials;

/** The throttles a code must pass before it is sent; empty when it may go. Passing one counts the send. */
@FunctionalInterface
interface SendLimits {

    /** Entra's "at most 10 email codes in 10 minutes", across flows, browsers and nodes. */
    SendLimits EMAIL = proof -> proof.throttles().tryEmailSend(proof.user()) ? Optional.empty()
            : Optional.of(PageMessage.error("ssprEmailLimit"));

    /**
     * Entra's toll-fraud limits for texts and calls: per user, per destination number (across users) and per client
     * address. The number is the registered one, so the form cannot point a send at another.
     */
    SendLimits PHONE = proof -> {
        Optional<String> e164 = (proof.registration().kind() == MethodKind.OFFICE_VOICE
                ? PhoneCredentials.office(proof.user()) : PhoneCredentials.mobile(proof.user()))
                .map(phone -> phone.number().e164());
        if (e164.isEmpty()) {
            return Optional.of(PageMessage.error("ssprPhoneNotSent", proof.registration().masked()));
        }
        return proof.throttles().tryPhoneSend(proof.user(), e164.get(), proof.clientAddress())
                .map(refusedBy -> PageMessage.error("ssprPhoneLimit", proof.registration().masked()));
    };

    Optional<PageMessage> refusal(Proof proof);
}
