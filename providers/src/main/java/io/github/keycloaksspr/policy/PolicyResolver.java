package io.github.keycloaksspr.policy;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import io.github.keycloaksspr.twilio.TwilioSecrets;

/**
 * Resolves a realm's {@link Policy} from the verification step's authenticator config. The result is kept on the
 * session so every component of one request sees the same snapshot and the flow is walked once.
 */
public final class PolicyResolver {

    private static final Logger LOG = Logger.getLogger(PolicyResolver.class);
    private static final String SESSION_ATTRIBUTE = "sspr.policy.";
    private static final long LOG_EVERY_SECONDS = 3600;

    private PolicyResolver() {
    }

    public static Policy resolve(KeycloakSession session, RealmModel realm) {
        String key = SESSION_ATTRIBUTE + realm.getId();
        Policy cached = session.getAttribute(key, Policy.class);
        if (cached != null) {
            return cached;
        }
        Policy policy = withGroupChecked(session, realm, PolicySettings.parse(storedConfig(realm).orElse(null),
                TwilioSecrets.resolver(session)));
        if (!policy.valid() && firstReportWithinAnHour(session, realm, policy)) {
            LOG.warnf("Self-service password reset policy of realm %s has problems, falling back safely: %s",
                    realm.getName(), String.join(" ", policy.problems()));
        }
        session.setAttribute(key, policy);
        return policy;
    }

    /** The group is stored by path; a deleted, renamed or moved group leaves nobody in scope, and says so. */
    private static Policy withGroupChecked(KeycloakSession session, RealmModel realm, Policy policy) {
        if (policy.scope() != Scope.SELECTED
                || KeycloakModelUtils.findGroupByPath(session, realm, policy.groupPath()) != null) {
            return policy;
        }
        return policy.disabledBecause("The selected group " + policy.groupPath()
                + " does not exist (deleted, renamed or moved).");
    }

    /**
     * Anonymous traffic must not be able to flood the log: the same problems are reported once an hour per realm,
     * across the cluster (the single-use store is shared by every node).
     */
    private static boolean firstReportWithinAnHour(KeycloakSession session, RealmModel realm, Policy policy) {
        String fingerprint = Integer.toHexString(String.join("|", policy.problems()).hashCode());
        return session.singleUseObjects().putIfAbsent("sspr.policy-warned." + realm.getId() + "." + fingerprint,
                LOG_EVERY_SECONDS);
    }

    /** The config map, looked up in the realm's bound reset flow first, then in the flow this extension installs. */
    static Optional<Map<String, String>> storedConfig(RealmModel realm) {
        Optional<AuthenticationExecutionModel> execution = Optional.ofNullable(realm.getResetCredentialsFlow())
                .flatMap(flow -> findVerifyStep(realm, flow))
                .or(() -> Optional.ofNullable(realm.getFlowByAlias(PolicyLocation.FLOW_ALIAS))
                        .flatMap(flow -> findVerifyStep(realm, flow)));
        return execution
                .map(AuthenticationExecutionModel::getAuthenticatorConfig)
                .map(realm::getAuthenticatorConfigById)
                .map(AuthenticatorConfigModel::getConfig);
    }

    private static Optional<AuthenticationExecutionModel> findVerifyStep(RealmModel realm, AuthenticationFlowModel flow) {
        if (flow == null) {
            // a sub-flow id that no longer resolves: nothing to find down there
            return Optional.empty();
        }
        return realm.getAuthenticationExecutionsStream(flow.getId())
                .map(execution -> execution.isAuthenticatorFlow()
                        ? findVerifyStep(realm, realm.getAuthenticationFlowById(execution.getFlowId())).orElse(null)
                        : PolicyLocation.VERIFY_AUTHENTICATOR_ID.equals(execution.getAuthenticator()) ? execution : null)
                .filter(Objects::nonNull)
                .findFirst();
    }
}
