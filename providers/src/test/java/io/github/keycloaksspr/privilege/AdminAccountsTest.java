package io.github.keycloaksspr.privilege;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.GroupModel;
import org.keycloak.models.GroupProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;

class AdminAccountsTest {

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final UserProvider users = mock(UserProvider.class);
    private final GroupProvider groups = mock(GroupProvider.class);
    private final ClientModel realmManagement = mock(ClientModel.class);
    private final RoleModel realmAdmin = role("realm-admin-id", false);
    private final RoleModel manageUsers = role("manage-users-id", false);
    private final RoleModel viewUsers = role("view-users-id", false);
    /** A realm role an admin made composite, containing manage-users. */
    private final RoleModel helpdeskLead = role("helpdesk-lead-id", true);
    /** A composite that does not grant admin rights. */
    private final RoleModel auditor = role("auditor-id", true);
    private final Map<String, List<UserModel>> roleMembers = new HashMap<>();
    private final Map<String, List<GroupModel>> roleGroups = new HashMap<>();

    @BeforeEach
    void realmWithAdminRoles() {
        when(session.users()).thenReturn(users);
        when(session.groups()).thenReturn(groups);
        when(realm.getName()).thenReturn("acme");
        when(realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID)).thenReturn(realmManagement);
        when(realmManagement.getRole(AdminRoles.REALM_ADMIN)).thenReturn(realmAdmin);
        when(realmManagement.getRole(AdminRoles.MANAGE_USERS)).thenReturn(manageUsers);
        when(realmManagement.getRolesStream()).thenAnswer(i -> Stream.of(realmAdmin, manageUsers, viewUsers));
        when(realm.getClientsStream()).thenAnswer(i -> Stream.of(realmManagement));
        when(realm.getRolesStream()).thenAnswer(i -> Stream.of(helpdeskLead, auditor));
        when(realmAdmin.hasRole(realmAdmin)).thenReturn(true);
        when(realmAdmin.hasRole(manageUsers)).thenReturn(true);
        when(manageUsers.hasRole(manageUsers)).thenReturn(true);
        when(helpdeskLead.hasRole(manageUsers)).thenReturn(true);
        when(auditor.hasRole(viewUsers)).thenReturn(true);
        when(users.getRoleMembersStream(eq(realm), any(RoleModel.class)))
                .thenAnswer(i -> members(roleMembers, i.<RoleModel>getArgument(1).getId()));
        when(groups.getGroupsByRoleStream(eq(realm), any(RoleModel.class), isNull(), isNull()))
                .thenAnswer(i -> roleGroups.getOrDefault(i.<RoleModel>getArgument(1).getId(), List.of()).stream());
    }

    @Test
    @DisplayName("Given admins by direct role, composite role, group and parent group, then each other admin is a "
            + "recipient once and the resetting admin is not")
    void everyRoute() {
        UserModel resetting = user("alice");
        UserModel direct = user("bob");
        UserModel composite = user("carol");
        UserModel inGroup = user("dave");
        UserModel inSubgroup = user("erin");
        UserModel twice = user("frank");
        GroupModel ops = group("ops");
        GroupModel night = group("ops-night");
        when(ops.getSubGroupsStream()).thenAnswer(i -> Stream.of(night));
        givenRoleMembers(realmAdmin, resetting, twice);
        givenRoleMembers(manageUsers, direct);
        givenRoleMembers(helpdeskLead, composite);
        givenGroupMembers(ops, inGroup, twice);
        givenGroupMembers(night, inSubgroup);
        roleGroups.put(realmAdmin.getId(), List.of(ops));

        List<UserModel> recipients = accounts().otherAdmins(resetting);

        assertThat(recipients).extracting(UserModel::getUsername)
                .containsExactlyInAnyOrder("bob", "carol", "dave", "erin", "frank");
    }

    @Test
    @DisplayName("Given admins that are disabled or have no email address, then they are left out")
    void unreachable() {
        UserModel resetting = user("alice");
        UserModel disabled = user("gina");
        when(disabled.isEnabled()).thenReturn(false);
        UserModel noEmail = user("hank");
        when(noEmail.getEmail()).thenReturn(null);
        UserModel blankEmail = user("ivy");
        when(blankEmail.getEmail()).thenReturn(" ");
        givenRoleMembers(realmAdmin, resetting, disabled, noEmail, blankEmail, user("jane"));

        assertThat(accounts().otherAdmins(resetting)).extracting(UserModel::getUsername)
                .containsExactly("jane");
    }

    @Test
    @DisplayName("Given a composite that only holds non-admin roles, then its members are never asked for")
    void nonAdminComposite() {
        accounts().otherAdmins(user("alice"));

        verify(users, never()).getRoleMembersStream(realm, auditor);
        verify(users, never()).getRoleMembersStream(realm, viewUsers);
        verify(users).getRoleMembersStream(realm, helpdeskLead);
        verify(users, never()).searchForUserStream(eq(realm), any(Map.class), any(), any());
    }

    @Test
    @DisplayName("Given an account holding an admin role by any route, then it is an admin; otherwise not")
    void isAdmin() {
        UserModel admin = user("alice");
        when(admin.hasRole(manageUsers)).thenReturn(true);
        UserModel plain = user("zoe");

        AdminAccounts recipients = accounts();

        assertThat(recipients.isAdmin(admin)).isTrue();
        assertThat(recipients.isAdmin(plain)).isFalse();
    }

    @Test
    @DisplayName("Given the master realm, then its realm role admin counts too; elsewhere it does not")
    void masterRealmAdminRole() {
        RoleModel masterAdmin = role("master-admin-id", true);
        when(realm.getRole(AdminRoles.ADMIN)).thenReturn(masterAdmin);

        assertThat(accounts().adminRoles()).containsExactly(realmAdmin, manageUsers);

        when(realm.getName()).thenReturn("master");
        when(realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID)).thenReturn(null);
        assertThat(accounts().adminRoles()).containsExactly(masterAdmin);
    }

    private void givenRoleMembers(RoleModel role, UserModel... members) {
        roleMembers.put(role.getId(), Arrays.asList(members));
    }

    private void givenGroupMembers(GroupModel group, UserModel... members) {
        when(users.getGroupMembersStream(realm, group)).thenAnswer(i -> Arrays.stream(members));
    }

    private static Stream<UserModel> members(Map<String, List<UserModel>> byRole, String roleId) {
        return byRole.getOrDefault(roleId, List.of()).stream();
    }

    private static RoleModel role(String id, boolean composite) {
        RoleModel role = mock(RoleModel.class);
        when(role.getId()).thenReturn(id);
        when(role.isComposite()).thenReturn(composite);
        return role;
    }

    private static GroupModel group(String id) {
        GroupModel group = mock(GroupModel.class);
        when(group.getId()).thenReturn(id);
        when(group.getSubGroupsStream()).thenAnswer(i -> Stream.empty());
        return group;
    }

    private static UserModel user(String username) {
        UserModel user = mock(UserModel.class);
        when(user.getId()).thenReturn(username + "-id");
        when(user.getUsername()).thenReturn(username);
        when(user.getEmail()).thenReturn(username + "@acme.test");
        when(user.isEnabled()).thenReturn(true);
        return user;
    }

    private AdminAccounts accounts() {
        return new AdminAccounts(session, realm, AdminRoleRef.DEFAULTS);
    }
}
