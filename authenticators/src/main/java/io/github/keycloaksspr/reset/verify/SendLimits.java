package io.github.keycloaksspr.reset.verify;

import java.util.Optional;

/** The throttles a code must pass before it is sent; empty when it may go. */
@FunctionalInterface
interface SendLimits {

    SendLimits NONE = proof -> Optional.empty();

    Optional<PageMessage> refusal(Proof proof);
}
