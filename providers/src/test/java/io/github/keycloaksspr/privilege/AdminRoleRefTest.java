package io.github.keycloaksspr.privilege;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

class AdminRoleRefTest {

    @Test
    @DisplayName("Given client-id/role, then it names a client role; given a bare name, a realm role")
    void parses() {
        assertThat(AdminRoleRef.parse(" realm-management/manage-users "))
                .contains(new AdminRoleRef(Optional.of("realm-management"), "manage-users"));
        assertThat(AdminRoleRef.parse("helpdesk-admin")).contains(new AdminRoleRef(Optional.empty(), "helpdesk-admin"));
        assertThat(AdminRoleRef.parse("realm-management/manage-users").orElseThrow())
                .hasToString("realm-management/manage-users");
    }

    @Test
    @DisplayName("Given text that names no role, then nothing is parsed")
    void rejects() {
        assertThat(AdminRoleRef.parse(null)).isEmpty();
        assertThat(AdminRoleRef.parse("  ")).isEmpty();
        assertThat(AdminRoleRef.parse("/role")).isEmpty();
        assertThat(AdminRoleRef.parse("client/")).isEmpty();
        assertThat(AdminRoleRef.parse("a/b/c")).isEmpty();
        assertThat(AdminRoleRef.parse("x".repeat(256))).isEmpty();
    }

    @Test
    @DisplayName("Given a role that does not exist in the realm, then it resolves to nothing")
    void resolves() {
        RealmModel realm = mock(RealmModel.class);
        ClientModel client = mock(ClientModel.class);
        RoleModel role = mock(RoleModel.class);
        when(realm.getClientByClientId("realm-management")).thenReturn(client);
        when(client.getRole("manage-users")).thenReturn(role);

        assertThat(AdminRoleRef.parse("realm-management/manage-users").orElseThrow().resolve(realm)).contains(role);
        assertThat(AdminRoleRef.parse("realm-management/typo").orElseThrow().resolve(realm)).isEmpty();
        assertThat(AdminRoleRef.parse("gone-client/manage-users").orElseThrow().resolve(realm)).isEmpty();
        assertThat(AdminRoleRef.parse("admin").orElseThrow().resolve(realm)).isEmpty();
    }
}
