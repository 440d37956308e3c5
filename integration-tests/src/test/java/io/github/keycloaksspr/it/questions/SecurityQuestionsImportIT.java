package io.github.keycloaksspr.it.questions;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.keycloaksspr.it.harness.KeycloakAdmin;
import io.github.keycloaksspr.it.harness.KeycloakSuite;
import io.github.keycloaksspr.it.harness.MailServer;
import io.github.keycloaksspr.it.harness.ProvisionedRealm;
import io.github.keycloaksspr.it.harness.RealmFixture;
import io.github.keycloaksspr.it.harness.SecurityQuestionsImport;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

@ExtendWith(KeycloakSuite.class)
@DisplayName("Importing security questions through the admin REST API")
final class SecurityQuestionsImportIT {

    private static ProvisionedRealm realm;

    @BeforeAll
    static void createRealm(KeycloakAdmin admin, MailServer mail) {
        realm = RealmFixture.named(RealmFixture.uniqueName("questions")).mailTo(mail).create(admin);
    }

    @Test
    @DisplayName("Given the provider JAR, then the server lists the sspr-security-questions credential provider")
    void providerRegistered(KeycloakAdmin admin) {
        assertThat(admin.client().serverInfo().getInfo().getProviders().get("credential").getProviders())
                .containsKey(SecurityQuestionsImport.TYPE);
    }

    @Test
    @DisplayName("Given a user created with a security questions credential, then it is stored as given, secrets hidden")
    void importedAsGiven() {
        CredentialRepresentation questions = SecurityQuestionsImport.answers()
                .question("first-concert", "Die Ärzte")
                .question("first-album", "Thriller")
                .customQuestion("What was our team's first mascot?", "Captain Fluff")
                .toRepresentation();

        String id = create("imported", questions);

        List<CredentialRepresentation> stored = realm.resource().users().get(id).credentials();
        assertThat(stored).singleElement().satisfies(credential -> {
            assertThat(credential.getType()).isEqualTo(SecurityQuestionsImport.TYPE);
            assertThat(credential.getCredentialData()).isEqualTo(questions.getCredentialData());
            assertThat(credential.getSecretData()).isNull();
        });
    }

    @Test
    @DisplayName("Given a credential whose answers lack a hash, then the user is refused and not created")
    void incompleteImportRefused() {
        CredentialRepresentation questions = SecurityQuestionsImport.answers()
                .question("first-concert", "Die Ärzte")
                .question("first-album", "Thriller")
                .question("first-book", "Momo")
                .toRepresentation();
        questions.setSecretData("{\"answers\":[]}");

        UserRepresentation user = user("incomplete", questions);
        try (Response response = realm.resource().users().create(user)) {
            assertThat(response.getStatus()).isEqualTo(400);
        }
        assertThat(realm.resource().users().search("incomplete", true)).isEmpty();
    }

    private static String create(String username, CredentialRepresentation credential) {
        try (Response response = realm.resource().users().create(user(username, credential))) {
            assertThat(response.getStatus()).isEqualTo(201);
            String location = response.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    private static UserRepresentation user(String username, CredentialRepresentation credential) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@users.test");
        user.setFirstName(username);
        user.setLastName("Test");
        user.setEnabled(true);
        user.setCredentials(List.of(credential));
        return user;
    }
}
