package io.github.keycloaksspr.it.harness;

import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Creates users one admin call at a time, as the admin console does, so each step fails on its own. */
final class Users {

    private final RealmResource realm;
    private final Groups groups;

    Users(RealmResource realm, Groups groups) {
        this.realm = realm;
        this.groups = groups;
    }

    String create(TestUser user) {
        UserRepresentation representation = new UserRepresentation();
        representation.setUsername(user.username());
        representation.setEmail(user.email());
        representation.setEmailVerified(user.email() != null && user.emailVerified());
        representation.setEnabled(user.enabled());
        // Keycloak 26 asks for a first and last name on first sign-in when they are missing.
        representation.setFirstName(user.username());
        representation.setLastName("Test");
        if (!user.attributes().isEmpty()) {
            Map<String, List<String>> attributes = new HashMap<>();
            user.attributes().forEach((name, value) -> attributes.put(name, List.of(value)));
            representation.setAttributes(attributes);
        }
        if (!user.credentials().isEmpty()) {
            // created with the user, as a migration would import them; the password follows below
            representation.setCredentials(user.credentials());
        }
        String id;
        try (Response response = realm.users().create(representation)) {
            id = CreatedResponseUtil.getCreatedId(response);
        }
        UserResource created = realm.users().get(id);
        created.resetPassword(password(user.password()));
        user.groups().forEach(path -> created.joinGroup(groups.ensure(path)));
        if (!user.realmManagementRoles().isEmpty()) {
            grantRealmManagementRoles(created, user.realmManagementRoles());
        }
        return id;
    }

    private void grantRealmManagementRoles(UserResource user, List<String> roleNames) {
        ClientRepresentation client = realm.clients().findByClientId("realm-management").get(0);
        ClientResource realmManagement = realm.clients().get(client.getId());
        List<RoleRepresentation> roles = roleNames.stream()
                .map(name -> realmManagement.roles().get(name).toRepresentation())
                .toList();
        user.roles().clientLevel(client.getId()).add(roles);
    }

    private static CredentialRepresentation password(String value) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(value);
        credential.setTemporary(false);
        return credential;
    }
}
