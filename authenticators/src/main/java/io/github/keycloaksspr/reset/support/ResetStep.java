package io.github.keycloaksspr.reset.support;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What every step of the reset flow shares: it applies to every account (eligibility is a step of its own, not a
 * precondition Keycloak checks), sets nothing up on the account, and holds nothing to close.
 */
public abstract class ResetStep implements Authenticator {

    @Override
    public final boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public final void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // registration of methods is the required action's job, not a reset step's
    }

    @Override
    public final void close() {
        // steps are stateless singletons
    }
}
