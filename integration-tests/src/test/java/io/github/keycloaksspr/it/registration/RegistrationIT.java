package io.github.keycloaksspr.it.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.UserRepresentation;

import io.github.keycloaksspr.it.harness.AuditQuery;
import io.github.keycloaksspr.it.harness.AuditRecord;
import io.github.keycloaksspr.it.harness.KeycloakAdmin;
import io.github.keycloaksspr.it.harness.KeycloakServer;
import io.github.keycloaksspr.it.harness.KeycloakSuite;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.Page;
import io.github.keycloaksspr.it.harness.ProvisionedRealm;
import io.github.keycloaksspr.it.harness.RealmFixture;
import io.github.keycloaksspr.it.harness.RegistrationAction;
import io.github.keycloaksspr.it.harness.SsprPolicy;
import io.github.keycloaksspr.it.harness.TestUser;

/**
 * "Register security info" against the real Keycloak: the deployment plan's sign-in rows (prompted while
 * unregistered, not again until reconfirmation is due), skipping, reconfirmation, and the audit trail.
 */
@ExtendWith(KeycloakSuite.class)
@DisplayName("Registration of security info at sign-in")
final class RegistrationIT {

    static final Map<String, String> ANSWERS = answers();

    private static ProvisionedRealm realm;

    @BeforeAll
    static void createRealm(KeycloakAdmin admin, MailServer mail) {
        realm = RealmFixture.named(RealmFixture.uniqueName("register"))
                .mailTo(mail)
                .user(unregistered("newcomer"))
                .user(unregistered("returning"))
                .user(unregistered("skipper"))
                .policy(SsprPolicy.forEveryone().withMethods("email##security-questions"))
                .registration(Map.of("sspr.register.methods-required", "2", "sspr.register.reconfirm-days", "180"))
                .create(admin);
    }

    /** No verified address: nothing registered. */
    static TestUser unregistered(String name) {
        return TestUser.named(name).withEmailVerified(false);
    }

    @Test
    @DisplayName("Given registration is enforced, then a user who signs in with nothing registered is prompted, "
            + "registers two methods, and is not prompted at the next sign-in")
    void promptedThenNotAgain(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        SignIn signIn = new SignIn(server.baseUrl(), realm.name());
        Page overview = signIn.as("newcomer");
        assertThat(SignIn.prompted(overview)).as(overview.text()).isTrue();
        assertThat(overview.document().select("#sspr-register-title").text()).isEqualTo("Keep your account secure");
        assertThat(overview.document().select("#sspr-register-status").text()).contains("0 of the 2");
        assertThat(overview.document().selectFirst("#sspr-register-done")).isNull();

        Page afterEmail = SignIn.registerEmail(overview, mail, "newcomer.private@mail.test");
        assertThat(afterEmail.text()).contains("Your authentication email is set up");
        assertThat(afterEmail.document().select("#sspr-register-method-email").text())
                .contains("n\u2022\u2022\u2022e@mail.test");

        Page afterQuestions = SignIn.registerQuestions(afterEmail, ANSWERS);
        assertThat(afterQuestions.text()).contains("Your security questions are set up");
        Page signedIn = SignIn.overview(afterQuestions, "done");
        assertThat(signIn.signedIn(signedIn)).as(signedIn.text()).isTrue();

        Page again = new SignIn(server.baseUrl(), realm.name()).as("newcomer");
        assertThat(signIn.signedIn(again)).as("not prompted again: %s", again.text()).isTrue();

        List<AuditRecord> records = admin.audit(realm.name(), AuditQuery.all().withUserId(realm.userId("newcomer")));
        assertThat(records).anyMatch(r -> "email,security-questions".equals(r.method())
                && "registered".equals(r.failureReason()));
    }

    @Test
    @DisplayName("Given a registered user whose confirmation is older than the reconfirm period, then sign-in asks "
            + "them to confirm, and \u201cLooks good\u201d records a new date")
    void reconfirmationDue(KeycloakServer server, MailServer mail) {
        Page overview = new SignIn(server.baseUrl(), realm.name()).as("returning");
        Page done = SignIn.overview(SignIn.registerQuestions(SignIn.registerEmail(overview, mail,
                "returning@mail.test"), ANSWERS), "done");
        assertThat(new SignIn(server.baseUrl(), realm.name()).signedIn(done)).as(done.text()).isTrue();

        shiftConfirmation("returning", Duration.ofDays(179));
        SignIn notYet = new SignIn(server.baseUrl(), realm.name());
        assertThat(notYet.signedIn(notYet.as("returning"))).as("179 days: not due").isTrue();

        shiftConfirmation("returning", Duration.ofDays(181));
        SignIn due = new SignIn(server.baseUrl(), realm.name());
        Page reconfirm = due.as("returning");
        assertThat(SignIn.prompted(reconfirm)).as(reconfirm.text()).isTrue();
        assertThat(reconfirm.document().select("#sspr-register-title").text())
                .isEqualTo("Is your security info still correct?");
        assertThat(reconfirm.document().select("#sspr-register-done").text()).isEqualTo("Looks good");
        long before = System.currentTimeMillis();
        assertThat(due.signedIn(SignIn.overview(reconfirm, "done"))).isTrue();
        assertThat(confirmedAt("returning")).isGreaterThanOrEqualTo(before);
    }

    @Test
    @DisplayName("Given skipping is allowed, then a user who skips goes on signing in and is asked again next time")
    void skipAndAskAgain(KeycloakServer server) {
        SignIn first = new SignIn(server.baseUrl(), realm.name());
        Page overview = first.as("skipper");
        assertThat(SignIn.prompted(overview)).isTrue();
        Page skipped = SignIn.overview(overview, "skip");
        assertThat(first.signedIn(skipped)).as(skipped.text()).isTrue();
        assertThat(realm.user("skipper").toRepresentation().getRequiredActions()).isEmpty();

        Page again = new SignIn(server.baseUrl(), realm.name()).as("skipper");
        assertThat(SignIn.prompted(again)).as("asked again: %s", again.text()).isTrue();
    }

    private static void shiftConfirmation(String username, Duration age) {
        UserRepresentation user = realm.user(username).toRepresentation();
        user.singleAttribute(RegistrationAction.CONFIRMED_AT,
                Long.toString(System.currentTimeMillis() - age.toMillis()));
        realm.user(username).update(user);
    }

    private static long confirmedAt(String username) {
        return Long.parseLong(realm.user(username).toRepresentation().firstAttribute(RegistrationAction.CONFIRMED_AT));
    }

    private static Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("first-stuffed-animal", "Mr Fluffy");
        answers.put("parents-met-city", "Aer\u00f8sk\u00f8bing");
        answers.put("first-concert", "Die \u00c4rzte");
        return answers;
    }
}
