package io.github.keycloaksspr.it.harness;

import java.util.List;

/**
 * A user a fixture creates.
 *
 * @param email                null for a user without an e-mail address
 * @param groups               group paths such as {@code /SSPR-Test-Group/Team-A}; missing groups are created
 * @param realmManagementRoles client roles of {@code realm-management}, such as {@code realm-admin}
 */
public record TestUser(String username, String email, boolean emailVerified, boolean enabled, String password,
                       List<String> groups, List<String> realmManagementRoles) {

    public static final String DEFAULT_PASSWORD = "Test-Passw0rd!";

    public TestUser {
        groups = List.copyOf(groups);
        realmManagementRoles = List.copyOf(realmManagementRoles);
    }

    /** Enabled, with a verified address {@code <username>@users.test} and {@link #DEFAULT_PASSWORD}. */
    public static TestUser named(String username) {
        return new TestUser(username, username + "@users.test", true, true, DEFAULT_PASSWORD, List.of(), List.of());
    }

    public TestUser withEmail(String value) {
        return new TestUser(username, value, emailVerified, enabled, password, groups, realmManagementRoles);
    }

    public TestUser withoutEmail() {
        return withEmail(null);
    }

    public TestUser withEmailVerified(boolean value) {
        return new TestUser(username, email, value, enabled, password, groups, realmManagementRoles);
    }

    public TestUser disabled() {
        return new TestUser(username, email, emailVerified, false, password, groups, realmManagementRoles);
    }

    public TestUser withPassword(String value) {
        return new TestUser(username, email, emailVerified, enabled, value, groups, realmManagementRoles);
    }

    public TestUser inGroups(String... paths) {
        return new TestUser(username, email, emailVerified, enabled, password, List.of(paths), realmManagementRoles);
    }

    public TestUser withRealmManagementRoles(String... roles) {
        return new TestUser(username, email, emailVerified, enabled, password, groups, List.of(roles));
    }
}
