package io.github.keycloaksspr.twilio;

import java.util.function.UnaryOperator;

import org.keycloak.models.KeycloakSession;
import org.keycloak.vault.VaultStringSecret;

/** Resolves the stored auth token through Keycloak's vault, so admins can keep it out of the realm config. */
public final class TwilioSecrets {

    private TwilioSecrets() {
    }

    /**
     * A resolver for {@link TwilioSettings#parse}: a {@code ${vault.key}} reference becomes the vault entry, or null
     * when there is none; any other value is the token itself. Unlike Keycloak's identity brokers it does not fall
     * back to the reference text, which Twilio would only refuse as a wrong token.
     */
    public static UnaryOperator<String> resolver(KeycloakSession session) {
        return stored -> {
            try (VaultStringSecret secret = session.vault().getStringSecret(stored)) {
                return secret.get().orElse(null);
            }
        };
    }
}
