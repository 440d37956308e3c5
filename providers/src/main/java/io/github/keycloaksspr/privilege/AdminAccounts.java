package io.github.keycloaksspr.privilege;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.keycloak.Config;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Who counts as an admin of a realm, and who the admins are. An admin holds one of the policy's admin roles (by
 * default realm-management's {@code realm-admin} or {@code manage-users}; in the master realm also the realm role
 * {@code admin}) directly, through a composite role, or through a group or one of its parent groups. Members are found through role- and group-member queries, never by
 * walking all users; only the realm's roles are walked, to find the composites that contain an admin role.
 */
public final class AdminAccounts {

    private static final String ADMIN_CLIENT_SUFFIX = "-realm";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final List<AdminRoleRef> roleRefs;

    public AdminAccounts(KeycloakSession session, RealmModel realm, List<AdminRoleRef> roleRefs) {
        this.session = session;
        this.realm = realm;
        this.roleRefs = List.copyOf(roleRefs);
    }

    /** Whether {@code user} holds an admin role by any route; {@link UserModel#hasRole} follows groups and composites. */
    public boolean isAdmin(UserModel user) {
        return adminRoles().stream().anyMatch(user::hasRole);
    }

    /** Every enabled admin with an email address, once each, except {@code resetting}. */
    public List<UserModel> otherAdmins(UserModel resetting) {
        Map<String, UserModel> admins = new LinkedHashMap<>();
        Set<String> groupsSeen = new HashSet<>();
        for (RoleModel role : rolesGrantingAdmin()) {
            session.users().getRoleMembersStream(realm, role).forEach(user -> admins.putIfAbsent(user.getId(), user));
            session.groups().getGroupsByRoleStream(realm, role, null, null)
                    .forEach(group -> addGroupTree(group, admins, groupsSeen));
        }
        return admins.values().stream()
                .filter(user -> !user.getId().equals(resetting.getId()))
                .filter(UserModel::isEnabled)
                .filter(user -> user.getEmail() != null && !user.getEmail().isBlank())
                .toList();
    }

    /** The roles that make an account an admin in this realm. */
    List<RoleModel> adminRoles() {
        List<RoleModel> roles = new ArrayList<>();
        // a role that doesn't exist in this realm (a typo, a deleted client) makes nobody an admin
        roleRefs.forEach(ref -> ref.resolve(realm).ifPresent(roles::add));
        if (Config.getAdminRealm().equals(realm.getName())) {
            // the master realm has no realm-management: each realm's "<name>-realm" client holds the same roles
            roleRefs.stream()
                    .filter(ref -> ref.clientId().filter(Constants.REALM_MANAGEMENT_CLIENT_ID::equals).isPresent())
                    .forEach(ref -> realm.getClientsStream()
                            .filter(client -> client.getClientId() != null
                                    && client.getClientId().endsWith(ADMIN_CLIENT_SUFFIX))
                            .map(client -> client.getRole(ref.roleName()))
                            .filter(Objects::nonNull)
                            .forEach(roles::add));
            Optional.ofNullable(realm.getRole(AdminRoles.ADMIN)).ifPresent(roles::add);
        }
        return roles;
    }

    /** The admin roles plus every composite role, realm or client, that contains one of them at any depth. */
    List<RoleModel> rolesGrantingAdmin() {
        List<RoleModel> targets = adminRoles();
        Map<String, RoleModel> granting = new LinkedHashMap<>();
        targets.forEach(role -> granting.put(role.getId(), role));
        Stream.concat(realm.getRolesStream(), realm.getClientsStream().flatMap(ClientModel::getRolesStream))
                .filter(RoleModel::isComposite)
                .filter(role -> targets.stream().anyMatch(role::hasRole))
                .forEach(role -> granting.putIfAbsent(role.getId(), role));
        return List.copyOf(granting.values());
    }

    /** A group's members hold its roles, and so do the members of its subgroups, at any depth. */
    private void addGroupTree(GroupModel group, Map<String, UserModel> admins, Set<String> groupsSeen) {
        if (!groupsSeen.add(group.getId())) {
            return;
        }
        session.users().getGroupMembersStream(realm, group).forEach(user -> admins.putIfAbsent(user.getId(), user));
        group.getSubGroupsStream().forEach(child -> addGroupTree(child, admins, groupsSeen));
    }

}
