package io.github.keycloaksspr.directory;

import java.util.Optional;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.LDAPConstants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;

/**
 * The user federation a directory-managed account comes from, as far as self-service reset cares.
 *
 * @param componentId the federation's component id (the user's federation link)
 * @param enabled     whether the federation is switched on
 * @param editMode    its edit mode; absent for a federation type that has none
 * @param vendor      the LDAP vendor setting, e.g. {@code ad}; empty for other federation types
 */
public record FederationLink(String componentId, boolean enabled, Optional<UserStorageProvider.EditMode> editMode,
                             String vendor) {

    /** The federation of {@code user}; empty for an account that lives in Keycloak's own database. */
    public static Optional<FederationLink> of(RealmModel realm, UserModel user) {
        String link = user == null ? null : user.getFederationLink();
        if (link == null) {
            return Optional.empty();
        }
        ComponentModel component = realm.getComponent(link);
        if (component == null) {
            // a dangling link: treat as a federation nobody may write through
            return Optional.of(new FederationLink(link, false, Optional.empty(), ""));
        }
        return Optional.of(new FederationLink(link, new UserStorageProviderModel(component).isEnabled(),
                editMode(component.get(LDAPConstants.EDIT_MODE)), component.get(LDAPConstants.VENDOR, "")));
    }

    /**
     * Whether a new password reaches the directory. READ_ONLY refuses every write; UNSYNCED keeps the password in
     * Keycloak only, so the user would hold two passwords and the directory's own apps would still accept the old
     * one, which is exactly what someone resetting a leaked password does not expect.
     */
    public boolean writesBack() {
        return enabled && editMode.filter(mode -> mode == UserStorageProvider.EditMode.WRITABLE).isPresent();
    }

    public boolean activeDirectory() {
        return LDAPConstants.VENDOR_ACTIVE_DIRECTORY.equals(vendor);
    }

    static Optional<UserStorageProvider.EditMode> editMode(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UserStorageProvider.EditMode.valueOf(raw.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
