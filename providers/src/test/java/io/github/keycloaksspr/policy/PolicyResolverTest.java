package io.github.keycloaksspr.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

class PolicyResolverTest {

    private final RealmModel realm = mock(RealmModel.class);

    @Test
    @DisplayName("Given the bound reset flow holds the verify step, then its config is the policy")
    void boundFlow() {
        AuthenticationFlowModel bound = flow("bound", step("sspr-choose-user", null), step("sspr-verify", "cfg-1"));
        when(realm.getResetCredentialsFlow()).thenReturn(bound);
        config("cfg-1", Map.of(PolicySettings.ENABLED_FOR, "ALL"));

        assertThat(PolicyResolver.storedConfig(realm)).contains(Map.of(PolicySettings.ENABLED_FOR, "ALL"));
    }

    @Test
    @DisplayName("Given the verify step sits in a sub-flow of the bound flow, then it is found there")
    void nestedStep() {
        AuthenticationFlowModel sub = flow("sub", step("sspr-verify", "cfg-2"));
        AuthenticationFlowModel bound = flow("bound", subFlow("sub"));
        when(realm.getAuthenticationFlowById("sub")).thenReturn(sub);
        when(realm.getResetCredentialsFlow()).thenReturn(bound);
        config("cfg-2", Map.of(PolicySettings.ENABLED_FOR, "SELECTED"));

        assertThat(PolicyResolver.storedConfig(realm)).contains(Map.of(PolicySettings.ENABLED_FOR, "SELECTED"));
    }

    @Test
    @DisplayName("Given Keycloak's own reset flow is bound, then the installed SSPR flow's config is still found")
    void fallbackToInstalledFlow() {
        AuthenticationFlowModel stock = flow("stock", step("reset-credentials-choose-user", null));
        AuthenticationFlowModel installed = flow("sspr", step("sspr-verify", "cfg-3"));
        when(realm.getResetCredentialsFlow()).thenReturn(stock);
        when(realm.getFlowByAlias(PolicyLocation.FLOW_ALIAS)).thenReturn(installed);
        config("cfg-3", Map.of(PolicySettings.HELPDESK, "mailto:a@b.org"));

        assertThat(PolicyResolver.storedConfig(realm)).contains(Map.of(PolicySettings.HELPDESK, "mailto:a@b.org"));
    }

    @Test
    @DisplayName("Given the verify step was never configured or a sub-flow dangles, then there is no stored config")
    void nothingStored() {
        AuthenticationFlowModel bound = flow("bound", subFlow("gone"), step("sspr-verify", null));
        when(realm.getResetCredentialsFlow()).thenReturn(bound);

        assertThat(PolicyResolver.storedConfig(realm)).isEmpty();
    }

    private AuthenticationFlowModel flow(String id, AuthenticationExecutionModel... executions) {
        AuthenticationFlowModel flow = new AuthenticationFlowModel();
        flow.setId(id);
        when(realm.getAuthenticationExecutionsStream(id)).thenAnswer(invocation -> Stream.of(executions));
        return flow;
    }

    private static AuthenticationExecutionModel step(String authenticator, String configId) {
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setAuthenticator(authenticator);
        execution.setAuthenticatorConfig(configId);
        return execution;
    }

    private static AuthenticationExecutionModel subFlow(String flowId) {
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setAuthenticatorFlow(true);
        execution.setFlowId(flowId);
        return execution;
    }

    private void config(String id, Map<String, String> values) {
        AuthenticatorConfigModel config = new AuthenticatorConfigModel();
        config.setId(id);
        config.setConfig(values);
        when(realm.getAuthenticatorConfigById(id)).thenReturn(config);
    }
}
