package io.github.keycloaksspr.it.harness;

import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;

/** Creates groups by path in a fresh realm, parents first, and remembers their ids. */
final class Groups {

    private final RealmResource realm;
    private final Map<String, String> idsByPath = new HashMap<>();

    Groups(RealmResource realm) {
        this.realm = realm;
    }

    /** The id of the group at {@code path}, creating it and any missing parent. */
    String ensure(String path) {
        if (!path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("A group path looks like /Parent/Child, not '" + path + "'");
        }
        String known = idsByPath.get(path);
        if (known != null) {
            return known;
        }
        int slash = path.lastIndexOf('/');
        GroupRepresentation group = new GroupRepresentation();
        group.setName(path.substring(slash + 1));
        String id;
        if (slash == 0) {
            try (Response response = realm.groups().add(group)) {
                id = CreatedResponseUtil.getCreatedId(response);
            }
        } else {
            String parentId = ensure(path.substring(0, slash));
            try (Response response = realm.groups().group(parentId).subGroup(group)) {
                id = CreatedResponseUtil.getCreatedId(response);
            }
        }
        idsByPath.put(path, id);
        return id;
    }
}
