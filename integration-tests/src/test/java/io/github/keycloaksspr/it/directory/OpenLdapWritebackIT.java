package io.github.keycloaksspr.it.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.keycloaksspr.it.harness.KeycloakAdmin;
import io.github.keycloaksspr.it.harness.KeycloakServer;
import io.github.keycloaksspr.it.harness.KeycloakSuite;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.Page;
import io.github.keycloaksspr.it.harness.ProvisionedRealm;
import io.github.keycloaksspr.it.harness.RealmFixture;
import io.github.keycloaksspr.it.harness.SsprPolicy;
import io.github.keycloaksspr.it.harness.directory.DirectoryClient;
import io.github.keycloaksspr.it.harness.directory.LdapFederation;
import io.github.keycloaksspr.it.harness.directory.Slapd;
import io.github.keycloaksspr.it.reset.ResetJourney;

@ExtendWith(KeycloakSuite.class)
@DisplayName("Self-service reset of OpenLDAP-federated users: writeback under the directory's ppolicy")
final class OpenLdapWritebackIT {

    private static final String OLD_PASSWORD = "Old-Passw0rd-1234";
    private static final String NEW_PASSWORD = "Fresh-Passw0rd-5678";

    private static Slapd slapd;
    private static DirectoryClient directory;
    private static ProvisionedRealm writable;
    private static ProvisionedRealm readOnly;

    @BeforeAll
    static void start(KeycloakAdmin admin, MailServer mail) {
        slapd = Slapd.start();
        directory = DirectoryClient.of(slapd);
        for (String user : new String[] {"bob", "carol", "dave", "erin", "frank"}) {
            slapd.addUser(user, OLD_PASSWORD, user + "@users.test");
        }
        writable = RealmFixture.named(RealmFixture.uniqueName("openldap")).mailTo(mail)
                .policy(SsprPolicy.forEveryone()).create(admin);
        LdapFederation.add(writable.resource(), slapd, LdapFederation.EditMode.WRITABLE);
        readOnly = RealmFixture.named(RealmFixture.uniqueName("openldap-ro")).mailTo(mail)
                .policy(SsprPolicy.forEveryone()).create(admin);
        LdapFederation.add(readOnly.resource(), slapd, LdapFederation.EditMode.READ_ONLY);
    }

    @AfterAll
    static void stop() {
        if (slapd != null) {
            slapd.close();
        }
    }

    @Test
    @DisplayName("Given a federated user, then the reset writes the new password to the directory: the user binds "
            + "to OpenLDAP with it, no longer with the old one, and signs in to Keycloak with it")
    void resetWritesBack(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        Page page = DirectoryFlows.verified(server, mail, writable.name(), "bob");
        assertThat(page.document().selectFirst("#sspr-directory-rules")).as(page.text()).isNotNull();

        Page done = DirectoryFlows.newPassword(page, NEW_PASSWORD);

        assertThat(done.document().selectFirst("#sspr-done")).as(done.text()).isNotNull();
        assertThat(directory.canBind(slapd.userDn("bob"), NEW_PASSWORD)).isTrue();
        assertThat(directory.canBind(slapd.userDn("bob"), OLD_PASSWORD)).isFalse();
        assertThat(admin.userAccessToken(writable.name(), "bob", NEW_PASSWORD)).isNotBlank();
    }

    @Test
    @DisplayName("Given a password the directory's policy refuses, then the page says why in plain words, nothing "
            + "changed anywhere, and a better password then succeeds")
    void policyRefusalThenRetry(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        Page page = DirectoryFlows.verified(server, mail, writable.name(), "carol");

        // long enough for Keycloak's realm (no policy), too short for the directory's minimum of 10
        Page refused = DirectoryFlows.newPassword(page, "Sh0rt-pw!");

        assertThat(refused.document().selectFirst("#sspr-new-password-form")).as(refused.text()).isNotNull();
        assertThat(refused.text()).contains("Your organisation’s directory turned this password down")
                .contains("length and complexity").doesNotContain("LDAP").doesNotContain("error code");
        assertThat(directory.canBind(slapd.userDn("carol"), OLD_PASSWORD)).isTrue();
        // Keycloak kept no copy of the refused password: sign-in still takes only the old one
        assertThatThrownBy(() -> admin.userAccessToken(writable.name(), "carol", "Sh0rt-pw!"))
                .isInstanceOf(AssertionError.class);
        assertThat(admin.userAccessToken(writable.name(), "carol", OLD_PASSWORD)).isNotBlank();

        Page done = DirectoryFlows.newPassword(refused, NEW_PASSWORD);

        assertThat(done.document().selectFirst("#sspr-done")).as(done.text()).isNotNull();
        assertThat(directory.canBind(slapd.userDn("carol"), NEW_PASSWORD)).isTrue();
    }

    @Test
    @DisplayName("Given writeback switched off, then a federated user is refused with the helpdesk page")
    void writebackOff(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        writable.updatePolicyConfig(Map.of("sspr.writeback", "false"));
        try {
            Page page = new ResetJourney(server.baseUrl(), writable.name(), mail)
                    .startAs("dave");

            DirectoryFlows.assertRefused(page);
            assertThat(DirectoryFlows.eligibilityRefusals(admin, writable.name(),
                    LdapFederation.imported(writable.resource(), "dave"))).contains("password_managed_on_premises");
        } finally {
            writable.updatePolicyConfig(Map.of("sspr.writeback", "true"));
        }
    }

    @Test
    @DisplayName("Given a READ_ONLY federation, then its users are refused with the helpdesk page")
    void readOnlyFederation(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        Page page = new ResetJourney(server.baseUrl(), readOnly.name(), mail)
                .startAs("frank");

        DirectoryFlows.assertRefused(page);
        assertThat(DirectoryFlows.eligibilityRefusals(admin, readOnly.name(),
                LdapFederation.imported(readOnly.resource(), "frank"))).contains("password_managed_on_premises");
        assertThat(directory.canBind(slapd.userDn("frank"), OLD_PASSWORD)).isTrue();
    }

    @Test
    @DisplayName("Given a federated admin, then refused with the helpdesk page, whatever writeback allows")
    void federatedAdmin(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        String id = LdapFederation.imported(writable.resource(), "erin");
        Admins.grantManageUsers(writable.resource(), id);

        Page page = new ResetJourney(server.baseUrl(), writable.name(), mail)
                .startAs("erin");

        DirectoryFlows.assertRefused(page);
        assertThat(DirectoryFlows.eligibilityRefusals(admin, writable.name(), id)).contains("federated_admin");
    }
}
