package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.keycloaksspr.it.harness.AuditQuery;
import io.github.keycloaksspr.it.harness.KeycloakAdmin;
import io.github.keycloaksspr.it.harness.KeycloakServer;
import io.github.keycloaksspr.it.harness.KeycloakSuite;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.ProvisionedRealm;
import io.github.keycloaksspr.it.harness.RealmFixture;
import io.github.keycloaksspr.it.harness.SsprFlow;
import io.github.keycloaksspr.it.harness.SsprPolicy;
import io.github.keycloaksspr.it.harness.TestUser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

@ExtendWith(KeycloakSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Keycloak with keycloak-sspr in providers/")
final class ServerBootIT {

    private static final String OUR_PACKAGE = "io.github.keycloaksspr";

    private static ProvisionedRealm realm;

    @BeforeAll
    static void createRealm(KeycloakAdmin admin, MailServer mail) {
        realm = RealmFixture.named(RealmFixture.uniqueName("boot"))
                .mailTo(mail)
                .group("/SSPR-Test-Group/Team-A")
                .user(TestUser.named("member").inGroups("/SSPR-Test-Group/Team-A"))
                .user(TestUser.named("helpdesk").withRealmManagementRoles("view-users"))
                .policy(SsprPolicy.forGroup("/SSPR-Test-Group").withMethodsRequired(2).withCaptcha(true))
                .create(admin);
    }

    @Test
    @Order(1)
    @DisplayName("Given the provider JAR, then the server lists the four SSPR authenticators")
    void serverLoadsTheAuthenticators(KeycloakAdmin admin) {
        var authenticators = admin.client().serverInfo().getInfo().getProviders().get("authenticator").getProviders();

        assertThat(authenticators).containsKeys(SsprFlow.STEPS.toArray(String[]::new));
    }

    @Test
    @Order(1)
    @DisplayName("Given the provider JAR, then the server offers the registration action and the sspr-email credential")
    void serverLoadsRegistration(KeycloakAdmin admin) {
        var providers = admin.client().serverInfo().getInfo().getProviders();

        assertThat(providers.get("required-action").getProviders()).containsKey("sspr-register-security-info");
        assertThat(providers.get("credential").getProviders())
                .containsKeys("sspr-email", "sspr-mobile-phone", "sspr-office-phone", "sspr-security-questions");
    }

    @Test
    @Order(1)
    @DisplayName("Given the provider JAR, then the server offers the database throttle store")
    void serverLoadsTheThrottleStore(KeycloakAdmin admin) {
        var stores = admin.client().serverInfo().getInfo().getProviders().get("sspr-throttle-store");

        assertThat(stores).isNotNull();
        assertThat(stores.getProviders()).containsOnlyKeys("jpa");
    }

    @Test
    @Order(2)
    @DisplayName("Given a realm an admin just created, then it has the SSPR flow with its four REQUIRED steps in order")
    void newRealmGetsTheFlow(KeycloakAdmin admin) {
        RealmRepresentation plain = new RealmRepresentation();
        plain.setRealm(RealmFixture.uniqueName("plain"));
        plain.setEnabled(true);
        admin.client().realms().create(plain);

        List<AuthenticationExecutionInfoRepresentation> executions =
                SsprFlow.executions(admin.realm(plain.getRealm()));

        assertThat(SsprFlow.exists(admin.realm(plain.getRealm()))).isTrue();
        assertThat(executions).extracting(AuthenticationExecutionInfoRepresentation::getProviderId)
                .containsExactlyElementsOf(SsprFlow.STEPS);
        assertThat(executions).extracting(AuthenticationExecutionInfoRepresentation::getRequirement)
                .containsOnly("REQUIRED");
        // Installing is not opting in: the realm keeps Keycloak's reset flow until an admin binds ours.
        assertThat(admin.realm(plain.getRealm()).toRepresentation().getResetCredentialsFlow())
                .isNotEqualTo(SsprFlow.ALIAS);
    }

    @Test
    @Order(3)
    @DisplayName("Given the fixture, then the flow is bound, the policy saved and users sit in nested groups")
    void fixtureSetsUpTheRealm() {
        RealmRepresentation representation = realm.resource().toRepresentation();
        List<GroupRepresentation> memberGroups = realm.user("member").groups();

        assertThat(representation.getResetCredentialsFlow()).isEqualTo(SsprFlow.ALIAS);
        assertThat(representation.isResetPasswordAllowed()).isTrue();
        assertThat(representation.getSmtpServer()).containsEntry("host", MailServer.HOST);
        assertThat(realm.policyConfig())
                .containsEntry("sspr.enabled-for", "SELECTED")
                .containsEntry("sspr.group", "/SSPR-Test-Group")
                .containsEntry("sspr.methods", "email")
                .containsEntry("sspr.methods-required", "2")
                .containsEntry("sspr.captcha", "true");
        assertThat(memberGroups).extracting(GroupRepresentation::getPath).containsExactly("/SSPR-Test-Group/Team-A");
        assertThat(realm.user("helpdesk").roles().getAll().getClientMappings())
                .containsKey("realm-management");
    }

    @Test
    @Order(4)
    @DisplayName("Given a policy update, then only the changed keys change")
    void policyUpdatesMerge() {
        realm.updatePolicy(SsprPolicy.forEveryone().withMethodsRequired(1));

        assertThat(realm.policyConfig())
                .containsEntry("sspr.enabled-for", "ALL")
                .containsEntry("sspr.methods-required", "1")
                .doesNotContainKey("sspr.group");
    }

    @Test
    @Order(5)
    @DisplayName("Given the master admin's token, then the audit endpoint answers 200 with a JSON array")
    void auditAnswersAdmins(KeycloakAdmin admin) {
        HttpResponse<String> response = admin.auditResponse(realm.name(), AuditQuery.all().page(0, 10),
                Optional.of(admin.accessToken()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body().strip()).startsWith("[").endsWith("]");
        assertThat(admin.audit(realm.name(), AuditQuery.all().withUserId(realm.userId("member")))).isNotNull();
    }

    @Test
    @Order(6)
    @DisplayName("Given no token, then the audit endpoint refuses with 401")
    void auditRefusesAnonymous(KeycloakAdmin admin) {
        HttpResponse<String> response = admin.auditResponse(realm.name(), AuditQuery.all(), Optional.empty());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotStartWith("[");
    }

    @Test
    @Order(7)
    @DisplayName("Given a signed-in user who is no admin, then the audit endpoint refuses with 403")
    void auditRefusesNonAdmins(KeycloakAdmin admin) {
        String token = admin.userAccessToken(realm.name(), "member", TestUser.DEFAULT_PASSWORD);

        HttpResponse<String> response = admin.auditResponse(realm.name(), AuditQuery.all(), Optional.of(token));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    @DisplayName("Given boot, realm creation and audit calls, then the log has no ERROR and nothing from our classes")
    void logStaysClean(KeycloakServer server) {
        assertThat(server.log().text()).contains("Keycloak " + server.version());
        assertThat(server.log().errorLines()).isEmpty();
        assertThat(server.log().problemsFrom(OUR_PACKAGE)).isEmpty();
        // the JAR carries relocated third-party code (Twilio, libphonenumber): nothing of it may fail to link
        assertThat(server.log().text()).doesNotContain("NoClassDefFoundError", "ClassNotFoundException",
                "LinkageError", "io.github.keycloaksspr.shaded");
    }
}
