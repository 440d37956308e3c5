package io.github.keycloaksspr.it.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.keycloaksspr.it.harness.AuditQuery;
import io.github.keycloaksspr.it.harness.KeycloakAdmin;
import io.github.keycloaksspr.it.harness.KeycloakServer;
import io.github.keycloaksspr.it.harness.KeycloakSuite;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.Page;
import io.github.keycloaksspr.it.harness.ProvisionedRealm;
import io.github.keycloaksspr.it.harness.RealmFixture;
import io.github.keycloaksspr.it.harness.SsprPolicy;
import io.github.keycloaksspr.it.harness.TestUser;

@ExtendWith(KeycloakSuite.class)
@DisplayName("The reset policy an admin sets on the verification step")
final class PolicyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("Given the flow is bound but never configured, then nobody can reset (Entra's default: None)")
    void unconfiguredMeansNobody(KeycloakServer server, MailServer mail, KeycloakAdmin admin) throws Exception {
        ProvisionedRealm realm = RealmFixture.named(RealmFixture.uniqueName("unset"))
                .mailTo(mail).user(TestUser.named("ann")).create(admin);

        Page page = new ResetJourney(server.baseUrl(), realm.name(), mail).startAs("ann");

        assertThat(page.document().selectFirst("#sspr-unavailable")).as(page.text()).isNotNull();
        JsonNode policy = policy(server, admin, realm.name());
        assertThat(policy.path("enabledFor").asText()).isEqualTo("NONE");
        assertThat(policy.path("problems")).isEmpty();
    }

    @Test
    @DisplayName("Given SELECTED with no group and a script URL as helpdesk link, then the admin REST reports both "
            + "problems, nobody can reset, and no link is rendered")
    void invalidSettingsFailClosed(KeycloakServer server, MailServer mail, KeycloakAdmin admin) throws Exception {
        ProvisionedRealm realm = RealmFixture.named(RealmFixture.uniqueName("broken"))
                .mailTo(mail).user(TestUser.named("ben"))
                .policy(SsprPolicy.forEveryone().with("sspr.enabled-for", "SELECTED")
                        .withHelpdesk("javascript:alert(document.cookie)"))
                .create(admin);

        JsonNode policy = policy(server, admin, realm.name());
        assertThat(policy.path("enabledFor").asText()).isEqualTo("NONE");
        assertThat(policy.path("problems").toString()).contains("no group is selected").contains("Helpdesk link");
        Page page = new ResetJourney(server.baseUrl(), realm.name(), mail).startAs("ben");
        assertThat(page.document().selectFirst("#sspr-unavailable")).isNotNull();
        assertThat(page.body()).doesNotContain("javascript:");
        assertThat(page.document().selectFirst("#sspr-helpdesk").text()).contains("Contact your administrator.");
    }

    @Test
    @DisplayName("Given the selected group was deleted, then the policy reports it and nobody can reset")
    void deletedGroup(KeycloakServer server, MailServer mail, KeycloakAdmin admin) throws Exception {
        ProvisionedRealm realm = RealmFixture.named(RealmFixture.uniqueName("nogroup"))
                .mailTo(mail).user(TestUser.named("gil")).policy(SsprPolicy.forGroup("/Gone")).create(admin);

        JsonNode policy = policy(server, admin, realm.name());
        assertThat(policy.path("enabledFor").asText()).isEqualTo("NONE");
        assertThat(policy.path("problems").toString()).contains("The selected group /Gone does not exist");
        Page page = new ResetJourney(server.baseUrl(), realm.name(), mail).startAs("gil");
        assertThat(page.document().selectFirst("#sspr-unavailable")).isNotNull();
    }

    @Test
    @DisplayName("Given an admin switched the verification step off over REST, then the new-password step still "
            + "refuses: no password without the proofs")
    void noPasswordWithoutProof(KeycloakServer server, MailServer mail, KeycloakAdmin admin) {
        ProvisionedRealm realm = RealmFixture.named(RealmFixture.uniqueName("noproof"))
                .mailTo(mail).user(TestUser.named("hal")).policy(SsprPolicy.forEveryone()).create(admin);
        AuthenticationExecutionInfoRepresentation verify = realm.resource().flows()
                .getExecutions("sspr-reset-credentials").stream()
                .filter(execution -> "sspr-verify".equals(execution.getProviderId())).findFirst().orElseThrow();
        verify.setRequirement("DISABLED");
        realm.resource().flows().updateExecutions("sspr-reset-credentials", verify);

        Page page = new ResetJourney(server.baseUrl(), realm.name(), mail).startAs("hal");

        assertThat(page.document().selectFirst("#sspr-new-password-form")).isNull();
        assertThat(page.document().selectFirst("#sspr-unavailable")).as(page.text()).isNotNull();
        assertThat(admin.audit(realm.name(), AuditQuery.all().withUserId(realm.userId("hal"))))
                .anySatisfy(r -> assertThat(r.failureReason()).isEqualTo("no_proof"));
        assertThat(mail.messagesTo("hal@users.test")).isEmpty();
    }

    @Test
    @DisplayName("Given the policy REST endpoint, then it needs an admin token")
    void policyNeedsAdmin(KeycloakServer server) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/admin/realms/master/sspr/policy")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("Given a 30-second code lifetime, then a code entered after it has expired is refused with a way "
            + "to get a new one; being slow is recorded but not counted as a wrong guess")
    void expiredCode(KeycloakServer server, MailServer mail, KeycloakAdmin admin) throws Exception {
        ProvisionedRealm realm = RealmFixture.named(RealmFixture.uniqueName("expiry"))
                .mailTo(mail).user(TestUser.named("eve"))
                .policy(SsprPolicy.forEveryone().with("sspr.code-lifetime-seconds", "30"))
                .create(admin);
        ResetJourney journey = new ResetJourney(server.baseUrl(), realm.name(), mail);
        ResetJourney.CodeSent sent = journey.sendEmailCode(journey.startAs("eve"), "eve@users.test");
        assertThat(sent.page().text()).contains("it works for 1 minute.");

        Thread.sleep(Duration.ofSeconds(31).toMillis());
        Page expired = journey.enterCode(sent.page(), sent.code());

        assertThat(expired.text()).contains("That code has expired. Send a new code.");
        assertThat(expired.document().selectFirst("#sspr-resend")).isNotNull();
        Page resent = journey.codeAction(expired, "resend");
        assertThat(resent.text()).contains("We sent you a new code");
        assertThat(admin.audit(realm.name(), AuditQuery.all()
                .withUserId(realm.userId("eve")))).anySatisfy(r -> assertThat(r.failureReason()).isEqualTo("expired_code"));
    }

    private static JsonNode policy(KeycloakServer server, KeycloakAdmin admin, String realm) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/admin/realms/" + realm + "/sspr/policy"))
                .header("Authorization", "Bearer " + admin.accessToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
