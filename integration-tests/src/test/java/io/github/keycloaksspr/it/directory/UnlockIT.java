package io.github.keycloaksspr.it.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.RealmRepresentation;

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

    /** Wrong passwords through the password grant until Keycloak's brute-force detection reports the user locked. */
    private static void lockOut(KeycloakAdmin admin, String username) {
        for (int i = 0; i < FAILURE_FACTOR; i++) {
            int attempt = i;
            assertThatThrownBy(() -> admin.userAccessToken(realm.name(), username, "Wrong-" + attempt))
                    .isInstanceOf(AssertionError.class);
        }
        String id = realm.userId(username);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        // the protector records failures on its own thread
        while (!Boolean.TRUE.equals(realm.resource().attackDetection().bruteForceUserStatus(id).get("disabled"))) {
            assertThat(Instant.now()).as("%s locked out in time", username).isBefore(deadline);
            sleep();
        }
        assertThatThrownBy(() -> admin.userAccessToken(realm.name(), username, TestUser.DEFAULT_PASSWORD))
                .as("the right password while locked").isInstanceOf(AssertionError.class);
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
