package io.github.keycloaksspr.reset.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

class FlowAuditTest {

    @Test
    @DisplayName("Given a browser tab's session, then its flow id is a stable digest that reveals neither id")
    void flowId() {
        AuthenticationSessionModel tab = session("root-session-id", "tab-1");

        String id = FlowAudit.flowId(tab);

        assertThat(id).hasSize(32).matches("[0-9a-f]+").isEqualTo(FlowAudit.flowId(session("root-session-id", "tab-1")));
        assertThat(id).doesNotContain("root").doesNotContain("tab");
        assertThat(FlowAudit.flowId(session("root-session-id", "tab-2"))).isNotEqualTo(id);
    }

    private static AuthenticationSessionModel session(String rootId, String tabId) {
        RootAuthenticationSessionModel root = mock(RootAuthenticationSessionModel.class);
        when(root.getId()).thenReturn(rootId);
        AuthenticationSessionModel tab = mock(AuthenticationSessionModel.class);
        when(tab.getParentSession()).thenReturn(root);
        when(tab.getTabId()).thenReturn(tabId);
        return tab;
    }
}
