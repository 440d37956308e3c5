package io.github.keycloaksspr.reset.verify;

import io.github.keycloaksspr.delivery.CodePurpose;
import io.github.keycloaksspr.delivery.CodeSendFailure;
import io.github.keycloaksspr.delivery.EmailCodeSender;

/**
 * Mails a one-time code to the address the methods page offered: the registered authentication address, or the
 * account's verified one.
 */
final class EmailDelivery implements CodeDelivery {

    @Override
    public void deliver(Proof proof, String code) throws DeliveryFailure {
        try {
            EmailCodeSender.send(proof.session(), proof.realm(), proof.user(), proof.registration().address(), code,
                    proof.policy().codeLifetime(), CodePurpose.RESET);
        } catch (CodeSendFailure e) {
            throw new DeliveryFailure(PageMessage.error("ssprEmailNotSent"), e.providerCode(), e.getMessage(), e);
        }
    }
}
