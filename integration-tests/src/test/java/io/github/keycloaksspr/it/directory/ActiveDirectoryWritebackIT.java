package io.github.keycloaksspr.it.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.keycloaksspr.it.harness.AuditQuery;
import io.github.keycloaksspr.it.harness.AuditRecord;
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
import io.github.keycloaksspr.it.harness.directory.SambaDc;

@ExtendWith(KeycloakSuite.class)
@DisplayName("Self-service reset and unlock of Active Directory users (Samba AD DC, unicodePwd over LDAPS)")
final class ActiveDirectoryWritebackIT {

    private static final String OLD_PASSWORD = "Old!Passw0rd1";
    private static final String NEW_PASSWORD = "Fresh!Passw0rd2";

    private static SambaDc dc;
    private static DirectoryClient directory;
    private static ProvisionedRealm realm;

    @BeforeAll
    static void start(KeycloakAdmin admin, MailServer mail) {
        dc = SambaDc.start();
        directory = DirectoryClient.of(dc);
        for (String user : new String[] {"alice", "amy", "adam", "andy"}) {
            dc.addUser(user, OLD_PASSWORD, user + "@users.test");
        }
        realm = RealmFixture.named(RealmFixture.uniqueName("ad")).mailTo(mail)
                .policy(SsprPolicy.forEveryone().with("sspr.unlock", "true")).create(admin);
        LdapFederation.add(realm.resource(), dc, LdapFederation.EditMode.WRITABLE);
    }

    @AfterAll
    static void stop() {
        if (dc != null) {
            dc.close();
        }
    }

    @Test
    @DisplayName("Given an AD user, then the reset writes unicodePwd over LDAPS: the user binds with the new password")
    void resetWritesBack(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        Page page = DirectoryFlows.verified(server, mail, realm.name(), "alice");

        Page done = DirectoryFlows.newPassword(page, NEW_PASSWORD);

        assertThat(done.document().selectFirst("#sspr-done")).as(done.text()).isNotNull();
        assertThat(directory.canBind(dc.userDn("alice"), NEW_PASSWORD)).isTrue();
        assertThat(directory.canBind(dc.userDn("alice"), OLD_PASSWORD)).isFalse();
        assertThat(admin.userAccessToken(realm.name(), "alice", NEW_PASSWORD)).isNotBlank();
    }

    @Test
    @DisplayName("Given passwords AD refuses (too short, not complex), then each refusal reads in plain words with "
            + "the directory's minimum, and a compliant password then succeeds")
    void policyRefusalThenRetry(KeycloakServer server, MailServer mail) {
        Page page = DirectoryFlows.verified(server, mail, realm.name(), "amy");

        Page tooShort = DirectoryFlows.newPassword(page, "Sh0rt!a");
        assertThat(tooShort.text()).contains("it’s too short. Use at least " + SambaDc.MIN_LENGTH + " characters.")
                .doesNotContain("0000052D").doesNotContain("check_password_restrictions");
        Page simple = DirectoryFlows.newPassword(tooShort, "alllowercaseletters");
        assertThat(simple.text()).contains("it isn’t complex enough");
        assertThat(directory.canBind(dc.userDn("amy"), OLD_PASSWORD)).isTrue();

        Page done = DirectoryFlows.newPassword(simple, NEW_PASSWORD);

        assertThat(done.document().selectFirst("#sspr-done")).as(done.text()).isNotNull();
        assertThat(directory.canBind(dc.userDn("amy"), NEW_PASSWORD)).isTrue();
    }

    @Test
    @DisplayName("Given a user AD locked out, then after verification \"Unlock my account\" clears lockoutTime and "
            + "the old password binds again; the unlock is audited")
    void adLockoutCleared(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        String dn = dc.userDn("adam");
        directory.failBinds(dn, SambaDc.LOCKOUT_THRESHOLD);
        assertThat(directory.canBind(dn, OLD_PASSWORD)).as("locked out in AD").isFalse();

        Page choice = DirectoryFlows.verified(server, mail, realm.name(), "adam");
        assertThat(choice.document().selectFirst("#sspr-unlock-choice-form")).as(choice.text()).isNotNull();
        Page done = DirectoryFlows.choose(choice, "unlock");

        assertThat(done.text()).contains("Your account is unlocked");
        assertThat(directory.attribute(dc.bindDn(), dc.bindPassword(), dn, "lockoutTime")).contains("0");
        assertThat(directory.canBind(dn, OLD_PASSWORD)).isTrue();
        String userId = LdapFederation.imported(realm.resource(), "adam");
        assertThat(admin.audit(realm.name(), AuditQuery.all().withUserId(userId).withActivity("UNLOCK_SELF_SERVICE")))
                .extracting(AuditRecord::result).containsExactly("SUCCESS");
    }

    @Test
    @DisplayName("Given a user AD locked out who chooses to reset, then the reset unlocks too: the new password binds")
    void resetAlsoUnlocks(KeycloakServer server, MailServer mail) {
        String dn = dc.userDn("andy");
        directory.failBinds(dn, SambaDc.LOCKOUT_THRESHOLD);

        Page choice = DirectoryFlows.verified(server, mail, realm.name(), "andy");
        Page newPassword = DirectoryFlows.choose(choice, "reset");
        Page done = DirectoryFlows.newPassword(newPassword, NEW_PASSWORD);

        assertThat(done.document().selectFirst("#sspr-done")).as(done.text()).isNotNull();
        assertThat(directory.canBind(dn, NEW_PASSWORD)).isTrue();
    }
}
