package io.github.keycloaksspr.it.harness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.representations.idm.CredentialRepresentation;

/**
 * A user a fixture creates.
 *
 * @param email                null for a user without an e-mail address
 * @param groups               group paths such as {@code /SSPR-Test-Group/Team-A}; missing groups are created
 * @param realmManagementRoles client roles of {@code realm-management}, such as {@code realm-admin}
 * @param credentials          further credentials created with the user, as a migration imports them (an
 *                             authenticator app, a phone, security questions)
 * @param attributes           user attributes an admin sets, such as pre-filled contact data
 */
public record TestUser(String username, String email, boolean emailVerified, boolean enabled, String password,
                       List<String> groups, List<String> realmManagementRoles,
                       List<CredentialRepresentation> credentials, Map<String, String> attributes) {

    public static final String DEFAULT_PASSWORD = "Test-Passw0rd!";

    public TestUser {
        groups = List.copyOf(groups);
        realmManagementRoles = List.copyOf(realmManagementRoles);
        credentials = List.copyOf(credentials);
        attributes = Map.copyOf(attributes);
    }

    /** Enabled, with a verified address {@code <username>@users.test} and {@link #DEFAULT_PASSWORD}. */
    public static TestUser named(String username) {
        return new TestUser(username, username + "@users.test", true, true, DEFAULT_PASSWORD,
                List.of(), List.of(), List.of(), Map.of());
    }

    public TestUser withEmail(String value) {
        return new TestUser(username, value, emailVerified, enabled, password,
                groups, realmManagementRoles, credentials, attributes);
    }

    public TestUser withoutEmail() {
        return withEmail(null);
    }

    public TestUser withEmailVerified(boolean value) {
        return new TestUser(username, email, value, enabled, password, groups, realmManagementRoles, credentials, attributes);
    }

    public TestUser disabled() {
        return new TestUser(username, email, emailVerified, false, password, groups, realmManagementRoles, credentials, attributes);
    }

    public TestUser withPassword(String value) {
        return new TestUser(username, email, emailVerified, enabled, value, groups, realmManagementRoles, credentials, attributes);
    }

    public TestUser inGroups(String... paths) {
        return new TestUser(username, email, emailVerified, enabled, password,
                List.of(paths), realmManagementRoles, credentials, attributes);
    }

    public TestUser withCredential(CredentialRepresentation credential) {
        List<CredentialRepresentation> more = new ArrayList<>(credentials);
        more.add(credential);
        return new TestUser(username, email, emailVerified, enabled, password, groups, realmManagementRoles, more, attributes);
    }

    public TestUser withRealmManagementRoles(String... roles) {
        return new TestUser(username, email, emailVerified, enabled, password, groups, List.of(roles), credentials, attributes);
    }

    public TestUser withAttribute(String name, String value) {
        Map<String, String> more = new HashMap<>(attributes);
        more.put(name, value);
        return new TestUser(username, email, emailVerified, enabled, password, groups, realmManagementRoles,
                credentials, more);
    }
}
