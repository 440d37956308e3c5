package io.github.keycloaksspr.it.harness;

import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/** The extension's reset flow as an admin sees it in a realm: bound or not, and its policy config. */
public final class SsprFlow {

    public static final String ALIAS = "sspr-reset-credentials";
    /** The authenticators of the flow, in the order the extension must install them. */
    public static final List<String> STEPS = List.of("sspr-choose-user", "sspr-eligibility", "sspr-verify",
            "sspr-new-password");
    public static final String POLICY_STEP = "sspr-verify";
    public static final String POLICY_ALIAS = "sspr-policy";

    private SsprFlow() {
    }

    public static boolean exists(RealmResource realm) {
        return realm.flows().getFlows().stream()
                .anyMatch(flow -> ALIAS.equals(flow.getAlias()) && flow.isTopLevel());
    }

    /** The flow's executions as the admin console lists them. */
    public static List<AuthenticationExecutionInfoRepresentation> executions(RealmResource realm) {
        return realm.flows().getExecutions(ALIAS);
    }

    /** Makes the flow the realm's "Reset credentials" flow, as an admin does under Authentication. */
    static void bind(RealmResource realm) {
        RealmRepresentation representation = realm.toRepresentation();
        if (!exists(realm)) {
            throw new IllegalStateException("Realm '" + representation.getRealm() + "' has no top-level flow '"
                    + ALIAS + "': the extension must install it in every realm. Is keycloak-sspr.jar in providers/?");
        }
        representation.setResetCredentialsFlow(ALIAS);
        realm.update(representation);
    }

    /** The saved policy config, empty when the admin never saved one. */
    public static Map<String, String> policyConfig(RealmResource realm) {
        String configId = policyExecution(realm).getAuthenticationConfig();
        if (configId == null) {
            return Map.of();
        }
        return Map.copyOf(realm.flows().getAuthenticatorConfig(configId).getConfig());
    }

    /** Writes {@code entries} over the saved policy (null values remove keys), creating the config if needed. */
    static void savePolicy(RealmResource realm, Map<String, String> entries) {
        AuthenticationManagementResource flows = realm.flows();
        AuthenticationExecutionInfoRepresentation execution = policyExecution(realm);
        if (execution.getAuthenticationConfig() == null) {
            AuthenticatorConfigRepresentation config = new AuthenticatorConfigRepresentation();
            config.setAlias(POLICY_ALIAS);
            config.setConfig(merged(Map.of(), entries));
            try (Response response = flows.newExecutionConfig(execution.getId(), config)) {
                if (response.getStatus() != 201) {
                    throw new IllegalStateException("Saving the SSPR policy answered " + response.getStatus()
                            + ": " + response.readEntity(String.class));
                }
            }
            return;
        }
        AuthenticatorConfigRepresentation config = flows.getAuthenticatorConfig(execution.getAuthenticationConfig());
        config.setConfig(merged(config.getConfig(), entries));
        flows.updateAuthenticatorConfig(config.getId(), config);
    }

    private static AuthenticationExecutionInfoRepresentation policyExecution(RealmResource realm) {
        return executions(realm).stream()
                .filter(execution -> POLICY_STEP.equals(execution.getProviderId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Flow '" + ALIAS + "' has no '" + POLICY_STEP
                        + "' execution"));
    }

    private static Map<String, String> merged(Map<String, String> saved, Map<String, String> entries) {
        Map<String, String> config = new HashMap<>(saved == null ? Map.of() : saved);
        entries.forEach((key, value) -> {
            if (value == null) {
                config.remove(key);
            } else {
                config.put(key, value);
            }
        });
        return config;
    }
}
