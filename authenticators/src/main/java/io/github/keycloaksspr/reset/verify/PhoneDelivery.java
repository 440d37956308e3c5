package io.github.keycloaksspr.reset.verify;

import java.util.Optional;

import io.github.keycloaksspr.delivery.CodePurpose;
import io.github.keycloaksspr.delivery.CodeSendFailure;
import io.github.keycloaksspr.delivery.PhoneCodeSender;
import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.method.PhoneCredentials;
import io.github.keycloaksspr.phone.PhoneNumber;
import io.github.keycloaksspr.twilio.TwilioSettings;

/**
 * Sends a code to a registered phone through Twilio: as a text message, or read out by a call (to an office phone
 * with its extension dialled once the call connects). Texts come from the login theme in the user's locale, so
 * realm localization overrides apply. A failure gives the user "we couldn't send a code to +1 ••• ••• ••12" and
 * the audit record Twilio's own error code; the code itself never leaves this class except to Twilio.
 */
final class PhoneDelivery implements CodeDelivery {

    enum Channel { SMS, VOICE }

    private final Channel channel;

    PhoneDelivery(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void deliver(Proof proof, String code) throws DeliveryFailure {
        PhoneNumber number = phone(proof).orElseThrow(() -> failure(proof, "no-phone", "phone no longer registered"));
        TwilioSettings settings = proof.policy().twilio()
                .orElseThrow(() -> failure(proof, "not-configured", "Twilio is not configured"));
        try {
            PhoneCodeSender.send(proof.session(), proof.realm(), proof.user(), settings, number,
                    channel == Channel.SMS ? PhoneCodeSender.Channel.SMS : PhoneCodeSender.Channel.VOICE, code,
                    proof.policy().codeLifetime(), CodePurpose.RESET);
        } catch (CodeSendFailure e) {
            throw new DeliveryFailure(PageMessage.error("ssprPhoneNotSent", number.masked()), e.providerCode(),
                    e.getMessage(), e);
        }
    }

    /** Only the phone the methods page offered: a phone replaced mid-flow proves nothing about the new one. */
    private static Optional<PhoneNumber> phone(Proof proof) {
        MethodKind kind = proof.registration().kind();
        Optional<PhoneCredentials.RegisteredPhone> phone = kind == MethodKind.OFFICE_VOICE
                ? PhoneCredentials.office(proof.user()) : PhoneCredentials.mobile(proof.user());
        return phone.filter(registered -> registered.credentialId().equals(proof.registration().address()))
                .map(PhoneCredentials.RegisteredPhone::number);
    }

    private static DeliveryFailure failure(Proof proof, String providerCode, String detail) {
        return new DeliveryFailure(PageMessage.error("ssprPhoneNotSent", proof.registration().masked()),
                providerCode, detail, null);
    }
}
