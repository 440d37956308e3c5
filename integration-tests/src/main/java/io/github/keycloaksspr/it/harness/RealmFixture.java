package io.github.keycloaksspr.it.harness;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Builds a realm through the admin REST API the way an admin would set up SSPR: mail, users and groups first, then
 * the reset flow bound and its policy saved.
 */
public final class RealmFixture {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private String displayName;
    private MailServer mailServer;
    private boolean bruteForceProtected;
    private SsprPolicy policy;
    private boolean bindResetFlow = true;
    private Map<String, String> registration;
    private final Set<String> groups = new LinkedHashSet<>();
    private final List<TestUser> users = new ArrayList<>();

    private RealmFixture(String name) {
        this.name = name;
        this.displayName = name;
    }

    public static RealmFixture named(String realm) {
        return new RealmFixture(realm);
    }

    /** {@code prefix} plus a random suffix: each test class gets realms no other class touches. */
    public static String uniqueName(String prefix) {
        return prefix.toLowerCase(Locale.ROOT) + "-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    }

    public RealmFixture displayName(String value) {
        this.displayName = value;
        return this;
    }

    /** Keycloak sends this realm's mail to {@code server}, from {@code noreply@<realm>.test}. */
    public RealmFixture mailTo(MailServer server) {
        this.mailServer = server;
        return this;
    }

    /** A group path; parents such as {@code /SSPR-Test-Group} of {@code /SSPR-Test-Group/Team-A} come with it. */
    public RealmFixture group(String path) {
        groups.add(path);
        return this;
    }

    public RealmFixture user(TestUser user) {
        users.add(user);
        return this;
    }

    public RealmFixture bruteForceProtected(boolean value) {
        this.bruteForceProtected = value;
        return this;
    }

    /** Saves the policy on the flow's {@code sspr-verify} execution; without one the extension's defaults apply. */
    public RealmFixture policy(SsprPolicy value) {
        this.policy = value;
        return this;
    }

    /** Leaves Keycloak's stock reset flow in place, as in a realm whose admin never opted in. */
    /**
     * Enables "Register security info" with these settings (keys {@code sspr.register.*}), and lets admins write
     * unmanaged user attributes, where pre-filled contact data and the confirmation date live.
     */
    public RealmFixture registration(Map<String, String> settings) {
        this.registration = Map.copyOf(settings);
        return this;
    }

    public RealmFixture withoutResetFlowBinding() {
        this.bindResetFlow = false;
        return this;
    }

    public ProvisionedRealm create(KeycloakAdmin admin) {
        admin.client().realms().create(representation());
        RealmResource realm = admin.realm(name);
        Groups realmGroups = new Groups(realm);
        groups.forEach(realmGroups::ensure);
        Users realmUsers = new Users(realm, realmGroups);
        if (registration != null) {
            RegistrationAction.allowAdminAttributes(realm);
        }
        users.forEach(realmUsers::create);
        if (bindResetFlow) {
            SsprFlow.bind(realm);
        }
        if (policy != null) {
            SsprFlow.savePolicy(realm, policy.toConfig());
        }
        if (registration != null) {
            RegistrationAction.enable(realm, registration);
        }
        return new ProvisionedRealm(name, admin);
    }

    private RealmRepresentation representation() {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(name);
        realm.setDisplayName(displayName);
        realm.setEnabled(true);
        realm.setResetPasswordAllowed(true);
        realm.setLoginWithEmailAllowed(true);
        realm.setBruteForceProtected(bruteForceProtected);
        if (mailServer != null) {
            realm.setSmtpServer(Smtp.settings(mailServer.host(), mailServer.port(), name));
        }
        return realm;
    }
}
