package io.github.keycloaksspr.questions;

import org.jboss.logging.Logger;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Hashes answers the way Keycloak hashes passwords: with the realm password policy's algorithm and iterations
 * when set, else Keycloak's default provider (Argon2 on a standard server, PBKDF2-SHA512 in FIPS mode). Each hash
 * records its own algorithm and parameters, so a policy change later does not break answers registered earlier.
 */
final class AnswerHashing {

    private static final Logger LOG = Logger.getLogger(AnswerHashing.class);

    private final KeycloakSession session;

    AnswerHashing(KeycloakSession session) {
        this.session = session;
    }

    PasswordCredentialModel hash(RealmModel realm, String normalisedAnswer) {
        PasswordPolicy policy = realm.getPasswordPolicy();
        String algorithm = policy == null ? null : policy.getHashAlgorithm();
        PasswordHashProvider provider = algorithm == null ? null
                : session.getProvider(PasswordHashProvider.class, algorithm);
        if (provider == null) {
            if (algorithm != null) {
                LOG.warnf("Password hash algorithm %s of realm %s is not available; using the server default",
                        algorithm, realm.getName());
            }
            provider = session.getProvider(PasswordHashProvider.class);
        }
        if (provider == null) {
            throw new IllegalStateException("No password hash provider is available");
        }
        return provider.encodedCredential(normalisedAnswer, policy == null ? -1 : policy.getHashIterations());
    }

    /** Whether {@code normalisedAnswer} is the hashed answer; false, never an exception, when it cannot be checked. */
    boolean matches(String normalisedAnswer, PasswordCredentialModel hash) {
        String algorithm = hash.getPasswordCredentialData().getAlgorithm();
        PasswordHashProvider provider = algorithm == null ? null
                : session.getProvider(PasswordHashProvider.class, algorithm);
        if (provider == null) {
            LOG.warnf("A security answer was hashed with %s, which this server does not provide", algorithm);
            return false;
        }
        try {
            return provider.verify(normalisedAnswer, hash);
        } catch (RuntimeException e) {
            // the exception describes the stored hash, not the answer, so its type is safe to log
            LOG.warnf("A stored security answer hash could not be checked: %s", e.getClass().getName());
            return false;
        }
    }
}
