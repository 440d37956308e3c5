package io.github.keycloaksspr.it.harness;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** A realm that exists on the server, with the admin actions tests and the demo take on it afterwards. */
public final class ProvisionedRealm {

    private final String name;
    private final KeycloakAdmin admin;

    ProvisionedRealm(String name, KeycloakAdmin admin) {
        this.name = name;
        this.admin = admin;
    }

    /** The realm called {@code name}, if the server has it. */
    public static Optional<ProvisionedRealm> find(KeycloakAdmin admin, String name) {
        boolean exists = admin.client().realms().findAll().stream().anyMatch(realm -> name.equals(realm.getRealm()));
        return exists ? Optional.of(new ProvisionedRealm(name, admin)) : Optional.empty();
    }

    public String name() {
        return name;
    }

    public RealmResource resource() {
        return admin.realm(name);
    }

    public String userId(String username) {
        List<UserRepresentation> found = resource().users().searchByUsername(username, true);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("No user '" + username + "' in realm " + name);
        }
        return found.get(0).getId();
    }

    public UserResource user(String username) {
        return resource().users().get(userId(username));
    }

    /** Writes the policy over the saved one, as an admin editing the {@code sspr-verify} settings. */
    public void updatePolicy(SsprPolicy policy) {
        SsprFlow.savePolicy(resource(), policy.toConfig());
    }

    /** Writes raw config entries (null removes a key), for settings {@link SsprPolicy} does not model. */
    public void updatePolicyConfig(Map<String, String> entries) {
        SsprFlow.savePolicy(resource(), entries);
    }

    public Map<String, String> policyConfig() {
        return SsprFlow.policyConfig(resource());
    }

    /** Sends the realm's mail to {@code server}, e.g. after the demo's mailbox moved to another port. */
    public void sendMailTo(MailServer server) {
        RealmRepresentation representation = resource().toRepresentation();
        representation.setSmtpServer(Smtp.settings(server.host(), server.port(), name));
        resource().update(representation);
    }

    public void delete() {
        resource().remove();
    }

    @Override
    public String toString() {
        return "realm " + name;
    }
}
