package io.github.keycloaksspr.it.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.services.managers.BruteForceProtector;

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
import io.github.keycloaksspr.it.harness.TestUser;
import io.github.keycloaksspr.it.reset.ResetJourney;

@ExtendWith(KeycloakSuite.class)
@DisplayName("Unlock without reset, and reset that unlocks, for Keycloak's own brute-force lockout")
final class UnlockIT {

    private static final int FAILURE_FACTOR = 3;
    private static final String NEW_PASSWORD = "Brand-new-Passw0rd!";

    private static ProvisionedRealm realm;
    /** Brute-force detection that disables the account at once (permanentLockout, no temporary lockouts first). */
    private static ProvisionedRealm permanent;

    @BeforeAll
    static void createRealm(KeycloakAdmin admin, MailServer mail) {
        realm = RealmFixture.named(RealmFixture.uniqueName("unlock")).mailTo(mail)
                .user(TestUser.named("lena"))
                .user(TestUser.named("lars"))
                .user(TestUser.named("dina").disabled())
                .bruteForceProtected(true)
                .policy(SsprPolicy.forEveryone().with("sspr.unlock", "true"))
                .create(admin);
        RealmRepresentation settings = realm.resource().toRepresentation();
        settings.setFailureFactor(FAILURE_FACTOR);
        settings.setPermanentLockout(false);
        settings.setWaitIncrementSeconds(900);
        settings.setMaxFailureWaitSeconds(900);
        realm.resource().update(settings);

        permanent = RealmFixture.named(RealmFixture.uniqueName("permlock")).mailTo(mail)
                .user(TestUser.named("petra"))
                .user(TestUser.named("paul"))
                .bruteForceProtected(true)
                .policy(SsprPolicy.forEveryone().with("sspr.unlock", "true"))
                .create(admin);
        RealmRepresentation strict = permanent.resource().toRepresentation();
        strict.setFailureFactor(FAILURE_FACTOR);
        strict.setPermanentLockout(true);
        strict.setMaxTemporaryLockouts(0);
        // no "quick login" pause: it would lock the user temporarily first and swallow the failures that follow
        strict.setQuickLoginCheckMilliSeconds(0L);
        permanent.resource().update(strict);
        // disabledReason is an attribute outside the user profile; the admin API shows it only with this policy
        UPConfig profile = permanent.resource().users().userProfile().getConfiguration();
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_VIEW);
        permanent.resource().users().userProfile().update(profile);
    }

    @Test
    @DisplayName("Given a temporarily locked user, then \"Unlock my account\" lets the old password sign in at once")
    void unlockKeepsPassword(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        lockOut(admin, "lena");

        Page choice = DirectoryFlows.verified(server, mail, realm.name(), "lena");
        assertThat(choice.document().selectFirst("#sspr-unlock-choice-form")).as(choice.text()).isNotNull();
        Page done = DirectoryFlows.choose(choice, "unlock");

        assertThat(done.text()).contains("Your account is unlocked").contains("current password");
        assertThat(admin.userAccessToken(realm.name(), "lena", TestUser.DEFAULT_PASSWORD)).isNotBlank();
        assertThat(admin.audit(realm.name(), AuditQuery.all().withUserId(realm.userId("lena"))
                .withActivity("UNLOCK_SELF_SERVICE"))).extracting(AuditRecord::result).containsExactly("SUCCESS");
    }

    @Test
    @DisplayName("Given unlocking switched off, then a locked user goes straight to a new password, and the reset "
            + "unlocks: the new password signs in at once")
    void resetUnlocks(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        realm.updatePolicyConfig(Map.of("sspr.unlock", "false"));
        try {
            lockOut(admin, "lars");

            Page page = DirectoryFlows.verified(server, mail, realm.name(), "lars");
            assertThat(page.document().selectFirst("#sspr-new-password-form")).as(page.text()).isNotNull();
            DirectoryFlows.newPassword(page, NEW_PASSWORD);

            assertThat(admin.userAccessToken(realm.name(), "lars", NEW_PASSWORD)).isNotBlank();
        } finally {
            realm.updatePolicyConfig(Map.of("sspr.unlock", "true"));
        }
    }

    @Test
    @DisplayName("Given an account an admin disabled, then it gets the helpdesk page and stays disabled")
    void adminDisabledStaysDisabled(KeycloakServer server, MailServer mail) {
        Page page = new ResetJourney(server.baseUrl(), realm.name(), mail).startAs("dina");

        DirectoryFlows.assertRefused(page);
        assertThat(realm.user("dina").toRepresentation().isEnabled()).isFalse();
    }

    @Test
    @DisplayName("Given a permanently locked user (disabled by brute force), then verification does not enable it, "
            + "and \"Unlock my account\" lets the old password sign in")
    void permanentlyLockedUserUnlocks(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        lockOut(admin, permanent, "petra");
        assertPermanentlyLocked("petra");

        Page choice = DirectoryFlows.verified(server, mail, permanent.name(), "petra");
        assertThat(choice.document().selectFirst("#sspr-unlock-choice-form")).as(choice.text()).isNotNull();
        assertPermanentlyLocked("petra");
        Page done = DirectoryFlows.choose(choice, "unlock");

        assertThat(done.text()).contains("Your account is unlocked");
        UserRepresentation user = permanent.user("petra").toRepresentation();
        assertThat(user.isEnabled()).isTrue();
        assertThat(attributes(user)).doesNotContainKey(UserModel.DISABLED_REASON);
        assertThat(admin.userAccessToken(permanent.name(), "petra", TestUser.DEFAULT_PASSWORD)).isNotBlank();
        assertThat(admin.audit(permanent.name(), AuditQuery.all().withUserId(permanent.userId("petra"))
                .withActivity("UNLOCK_SELF_SERVICE"))).extracting(AuditRecord::result).containsExactly("SUCCESS");
    }

    @Test
    @DisplayName("Given a permanently locked user and unlocking off, then the reset re-enables the account and the "
            + "new password signs in")
    void permanentlyLockedUserResets(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        permanent.updatePolicyConfig(Map.of("sspr.unlock", "false"));
        try {
            lockOut(admin, permanent, "paul");
            assertPermanentlyLocked("paul");

            Page page = DirectoryFlows.verified(server, mail, permanent.name(), "paul");
            assertThat(page.document().selectFirst("#sspr-new-password-form")).as(page.text()).isNotNull();
            DirectoryFlows.newPassword(page, NEW_PASSWORD);

            assertThat(permanent.user("paul").toRepresentation().isEnabled()).isTrue();
            assertThat(admin.userAccessToken(permanent.name(), "paul", NEW_PASSWORD)).isNotBlank();
        } finally {
            permanent.updatePolicyConfig(Map.of("sspr.unlock", "true"));
        }
    }

    private static void lockOut(KeycloakAdmin admin, String username) {
        lockOut(admin, realm, username);
    }

    /** Wrong passwords through the password grant until Keycloak's brute-force detection reports the user locked. */
    private static void lockOut(KeycloakAdmin admin, ProvisionedRealm target, String username) {
        for (int i = 0; i < FAILURE_FACTOR; i++) {
            int attempt = i;
            assertThatThrownBy(() -> admin.userAccessToken(target.name(), username, "Wrong-" + attempt))
                    .isInstanceOf(AssertionError.class);
        }
        String id = target.userId(username);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        // the protector records failures on its own thread
        while (!Boolean.TRUE.equals(target.resource().attackDetection().bruteForceUserStatus(id).get("disabled"))) {
            assertThat(Instant.now()).as("%s locked out in time", username).isBefore(deadline);
            sleep();
        }
        assertThatThrownBy(() -> admin.userAccessToken(target.name(), username, TestUser.DEFAULT_PASSWORD))
                .as("the right password while locked").isInstanceOf(AssertionError.class);
    }

    private static void assertPermanentlyLocked(String username) {
        UserRepresentation user = permanent.user(username).toRepresentation();
        assertThat(user.isEnabled()).as("%s disabled", username).isFalse();
        assertThat(attributes(user).get(UserModel.DISABLED_REASON)).as("%s disabled by the lockout", username)
                .containsExactly(BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT);
    }

    private static Map<String, List<String>> attributes(UserRepresentation user) {
        return user.getAttributes() == null ? Map.of() : user.getAttributes();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
