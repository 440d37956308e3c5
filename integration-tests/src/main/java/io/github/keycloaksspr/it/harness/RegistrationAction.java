package io.github.keycloaksspr.it.harness;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderSimpleRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;

/** Switches on "Register security info" in a realm the way an admin does on the Required actions tab. */
public final class RegistrationAction {

    public static final String ID = "sspr-register-security-info";
    /** Where the extension records the last finished registration or confirmation, epoch millis. */
    public static final String CONFIRMED_AT = "sspr.registration.confirmed-at";

    private RegistrationAction() {
    }

    public static void enable(RealmResource realm, Map<String, String> settings) {
        AuthenticationManagementResource flows = realm.flows();
        List<RequiredActionProviderSimpleRepresentation> unregistered = flows.getUnregisteredRequiredActions();
        unregistered.stream().filter(action -> ID.equals(action.getProviderId())).findFirst()
                .ifPresent(flows::registerRequiredAction);
        RequiredActionProviderRepresentation action = flows.getRequiredAction(ID);
        action.setEnabled(true);
        flows.updateRequiredAction(ID, action);
        configure(realm, settings);
    }

    /** Saves the gear's settings; Keycloak answers 400 when the extension refuses them. */
    public static void configure(RealmResource realm, Map<String, String> settings) {
        RequiredActionConfigRepresentation config = new RequiredActionConfigRepresentation();
        config.setConfig(new HashMap<>(settings));
        realm.flows().updateRequiredActionConfig(ID, config);
    }

    /** "Unmanaged attributes: only administrators can write": the Attributes tab and admin REST keep them. */
    static void allowAdminAttributes(RealmResource realm) {
        UPConfig profile = realm.users().userProfile().getConfiguration();
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT);
        realm.users().userProfile().update(profile);
    }
}
