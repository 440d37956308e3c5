package io.github.keycloaksspr.it.directory;

import java.util.List;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;

/** Makes an imported directory user an admin the way an admin console user would: a realm-management role. */
final class Admins {

    private Admins() {
    }

    static void grantManageUsers(RealmResource realm, String userId) {
        ClientRepresentation client = realm.clients().findByClientId("realm-management").get(0);
        realm.users().get(userId).roles().clientLevel(client.getId())
                .add(List.of(realm.clients().get(client.getId()).roles().get("manage-users").toRepresentation()));
    }
}
