package io.github.keycloaksspr.it.demo;

import org.keycloak.representations.idm.RealmRepresentation;

import io.github.keycloaksspr.it.harness.KeycloakAdmin;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.ProvisionedRealm;
import io.github.keycloaksspr.it.harness.RealmFixture;
import io.github.keycloaksspr.it.harness.SecurityQuestionsImport;
import io.github.keycloaksspr.it.harness.SsprPolicy;
import io.github.keycloaksspr.it.harness.TestUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The realm of Microsoft's SSPR tutorial: SSPR enabled for one group, a member who may reset, a member who has
 * registered nothing yet, an outsider who may not, and a realm admin to change the policy. Registration is enforced
 * at sign-in, with two methods to register.
 */
final class DemoRealm {

    static final String NAME = "sspr-demo";
    static final String GROUP = "/SSPR-Test-Group";
    /** Can reset by an emailed code or by three security questions (answers in the README). */
    static final TestUser MEMBER = TestUser.named("testuser").withEmail("testuser@sspr-demo.test").inGroups(GROUP)
            .withCredential(SecurityQuestionsImport.answers()
                    .question("first-stuffed-animal", "Teddy")
                    .question("parents-met-city", "Paris")
                    .question("first-concert", "Queen")
                    .toRepresentation());
    /** Nothing registered yet: sign-in walks them through registration; an admin pre-filled a second address. */
    static final TestUser NEWCOMER = TestUser.named("newcomer").withEmail("newcomer@sspr-demo.test")
            .withEmailVerified(false).inGroups(GROUP)
            .withAttribute("sspr.prefill.email", "newcomer.private@sspr-demo.test");
    static final TestUser OUTSIDER = TestUser.named("outsider").withEmail("outsider@sspr-demo.test");
    static final TestUser ADMIN = TestUser.named("realmadmin").withEmail("realmadmin@sspr-demo.test")
            .withPassword("Admin-Passw0rd!").withRealmManagementRoles("realm-admin");

    private DemoRealm() {
    }

    /** Whether the realm was created now; an existing one keeps whatever the demo user changed in it. */
    record Outcome(ProvisionedRealm realm, boolean created) {
    }

    static Outcome ensure(KeycloakAdmin admin, MailServer mail) {
        Optional<ProvisionedRealm> existing = ProvisionedRealm.find(admin, NAME);
        ProvisionedRealm realm = existing.orElseGet(() -> create(admin, mail));
        // The mailbox may run on another port than when the realm was created.
        realm.sendMailTo(mail);
        return new Outcome(realm, existing.isEmpty());
    }

    private static ProvisionedRealm create(KeycloakAdmin admin, MailServer mail) {
        ProvisionedRealm realm = RealmFixture.named(NAME)
                .displayName("SSPR demo")
                .mailTo(mail)
                .group(GROUP)
                .user(MEMBER)
                .user(NEWCOMER)
                .user(OUTSIDER)
                .user(ADMIN)
                .bruteForceProtected(true)
                .policy(SsprPolicy.forGroup(GROUP)
                        .withMethods("email##authenticator-app##security-questions")
                        .withHelpdesk("mailto:helpdesk@sspr-demo.test")
                        .withCaptcha(true))
                .registration(Map.of("sspr.register.methods-required", "2", "sspr.register.reconfirm-days", "180"))
                .create(admin);
        // as an admin would under Realm settings > Events: reset notices then show up in the mailbox
        RealmRepresentation settings = realm.resource().toRepresentation();
        settings.setEventsListeners(List.of("jboss-logging", "sspr-notify"));
        realm.resource().update(settings);
        return realm;
    }
}
