package io.github.keycloaksspr.it.harness.directory;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Adds Keycloak's LDAP user federation to a realm through the admin REST API, as an admin would in
 * User federation > Add LDAP providers. Keycloak adds its default mappers itself, for Active Directory the
 * "MSAD account controls" mapper among them.
 */
public final class LdapFederation {

    /** Keycloak's three edit modes. */
    public enum EditMode { READ_ONLY, WRITABLE, UNSYNCED }

    private LdapFederation() {
    }

    /** Returns the federation's component id. */
    public static String add(RealmResource realm, DirectoryServer server, EditMode editMode) {
        ComponentRepresentation component = new ComponentRepresentation();
        component.setName(server.vendor() + "-" + editMode.name().toLowerCase(Locale.ROOT));
        component.setProviderId("ldap");
        component.setProviderType("org.keycloak.storage.UserStorageProvider");
        component.setParentId(realm.toRepresentation().getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("enabled", "true");
        config.putSingle("vendor", server.vendor());
        config.putSingle("editMode", editMode.name());
        config.putSingle("connectionUrl", server.url());
        // LDAPS goes through Keycloak's truststore, which the harness gave the test certificate
        config.putSingle("useTruststoreSpi", "always");
        config.putSingle("authType", "simple");
        config.putSingle("bindDn", server.bindDn());
        config.putSingle("bindCredential", server.bindPassword());
        config.putSingle("usersDn", server.usersDn());
        config.putSingle("usernameLDAPAttribute", server.usernameAttribute());
        config.putSingle("rdnLDAPAttribute", server.rdnAttribute());
        config.putSingle("uuidLDAPAttribute", server.uuidAttribute());
        config.putSingle("userObjectClasses", String.join(", ", server.userObjectClasses()));
        config.putSingle("searchScope", "1");
        config.putSingle("importEnabled", "true");
        config.putSingle("syncRegistrations", "false");
        config.putSingle("pagination", "false");
        // the directory's addresses are the users' own: the email method may use them
        config.putSingle("trustEmail", "true");
        config.putSingle("connectionTimeout", "5000");
        config.putSingle("readTimeout", "15000");
        component.setConfig(config);
        try (Response response = realm.components().add(component)) {
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    /** Looks the user up by exact name, which makes Keycloak import it from the directory; returns its id. */
    public static String imported(RealmResource realm, String username) {
        List<UserRepresentation> found = realm.users().search(username, true);
        if (found.isEmpty()) {
            throw new IllegalStateException("Keycloak found no directory user " + username);
        }
        return found.get(0).getId();
    }
}
