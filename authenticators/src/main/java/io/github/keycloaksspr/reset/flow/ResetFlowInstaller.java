package io.github.keycloaksspr.reset.flow;

import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

import io.github.keycloaksspr.policy.PolicyLocation;
import io.github.keycloaksspr.reset.chooseuser.ChooseUserAuthenticatorFactory;
import io.github.keycloaksspr.reset.eligibility.EligibilityAuthenticatorFactory;
import io.github.keycloaksspr.reset.newpassword.NewPasswordAuthenticatorFactory;

/**
 * Puts the "sspr-reset-credentials" flow into every realm, unbound, so an admin only has to bind it
 * (Authentication > Flows > Bind flow > Reset credentials flow). An existing flow with that alias is left as the
 * admin shaped it.
 */
public final class ResetFlowInstaller {

    static final String DESCRIPTION = "Self-service password reset: choose user with CAPTCHA, eligibility, "
            + "verify N of M methods, new password.";
    static final List<String> STEPS = List.of(
            ChooseUserAuthenticatorFactory.ID,
            EligibilityAuthenticatorFactory.ID,
            PolicyLocation.VERIFY_AUTHENTICATOR_ID,
            NewPasswordAuthenticatorFactory.ID);

    private static final Logger LOG = Logger.getLogger(ResetFlowInstaller.class);
    private static final String CLUSTER_TASK = "sspr-install-reset-flow";
    private static final int CLUSTER_TASK_TIMEOUT_SECONDS = 300;

    private ResetFlowInstaller() {
    }

    public static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                ensure(created.getCreatedRealm());
            } else if (event instanceof PostMigrationEvent migrated) {
                installInExistingRealms(migrated.getFactory());
            }
        });
    }

    /** After start-up migration, once per cluster start: nodes starting together don't race to add the flow twice. */
    private static void installInExistingRealms(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(ClusterProvider.class)
                .executeIfNotExecuted(CLUSTER_TASK, CLUSTER_TASK_TIMEOUT_SECONDS, () -> {
                    session.realms().getRealmsStream().forEach(ResetFlowInstaller::ensure);
                    return null;
                }));
    }

    static void ensure(RealmModel realm) {
        if (realm.getFlowByAlias(PolicyLocation.FLOW_ALIAS) != null) {
            return;
        }
        AuthenticationFlowModel flow = new AuthenticationFlowModel();
        flow.setAlias(PolicyLocation.FLOW_ALIAS);
        flow.setDescription(DESCRIPTION);
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        flow = realm.addAuthenticationFlow(flow);
        int priority = 10;
        for (String step : STEPS) {
            AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
            execution.setParentFlow(flow.getId());
            execution.setAuthenticator(step);
            execution.setAuthenticatorFlow(false);
            execution.setRequirement(AuthenticationExecutionModel.Requirement.REQUIRED);
            execution.setPriority(priority);
            realm.addAuthenticatorExecution(execution);
            priority += 10;
        }
        LOG.infof("Added the self-service password reset flow '%s' to realm %s", PolicyLocation.FLOW_ALIAS,
                realm.getName());
    }
}
