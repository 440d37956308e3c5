package io.github.keycloaksspr.privilege;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * A role that makes its holder an admin, as an admin writes it: {@code client-id/role} for a client role,
 * {@code role} for a realm role.
 *
 * @param clientId the client's clientId, or empty for a realm role
 */
public record AdminRoleRef(Optional<String> clientId, String roleName) {

    /** Realm-management's roles that can reset other users' passwords or grant themselves that right. */
    public static final List<AdminRoleRef> DEFAULTS = List.of(
            new AdminRoleRef(Optional.of(Constants.REALM_MANAGEMENT_CLIENT_ID), AdminRoles.REALM_ADMIN),
            new AdminRoleRef(Optional.of(Constants.REALM_MANAGEMENT_CLIENT_ID), AdminRoles.MANAGE_USERS));

    private static final int MAX_LENGTH = 255;

    public AdminRoleRef {
        clientId = clientId.filter(id -> !id.isBlank());
    }

    /** Parses {@code client/role} or {@code role}; empty for text that names no role. */
    public static Optional<AdminRoleRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            return Optional.of(new AdminRoleRef(Optional.empty(), trimmed));
        }
        String client = trimmed.substring(0, slash).trim();
        String role = trimmed.substring(slash + 1).trim();
        if (client.isEmpty() || role.isEmpty() || role.contains("/")) {
            return Optional.empty();
        }
        return Optional.of(new AdminRoleRef(Optional.of(client), role));
    }

    /** The role in {@code realm}, if the client and role exist there. */
    public Optional<RoleModel> resolve(RealmModel realm) {
        if (clientId.isEmpty()) {
            return Optional.ofNullable(realm.getRole(roleName));
        }
        return Optional.ofNullable(realm.getClientByClientId(clientId.get()))
                .map((ClientModel client) -> client.getRole(roleName));
    }

    @Override
    public String toString() {
        return clientId.map(id -> id + "/" + roleName).orElse(roleName);
    }
}
