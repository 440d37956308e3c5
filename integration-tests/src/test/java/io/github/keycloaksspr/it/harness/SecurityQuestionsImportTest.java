package io.github.keycloaksspr.it.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.keycloaksspr.questions.Question;
import io.github.keycloaksspr.questions.SecurityQuestionsCredentialProvider;
import io.github.keycloaksspr.questions.SecurityQuestionsCredentialProviderFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.common.crypto.CryptoIntegration;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.Pbkdf2Sha512PasswordHashProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RepresentationToModel;
import org.keycloak.representations.idm.CredentialRepresentation;

/** The documented import format, produced without the extension, is what the extension stores and verifies. */
class SecurityQuestionsImportTest {

    private static final String MASCOT = "What was our team's first mascot?";

    private final List<CredentialModel> stored = new ArrayList<>();
    private UserModel user;
    private RealmModel realm;
    private SecurityQuestionsCredentialProvider provider;

    @BeforeAll
    static void crypto() {
        CryptoIntegration.init(SecurityQuestionsImportTest.class.getClassLoader());
    }

    @BeforeEach
    void setUp() {
        KeycloakSession session = mock(KeycloakSession.class);
        when(session.getProvider(PasswordHashProvider.class, Pbkdf2Sha512PasswordHashProviderFactory.ID))
                .thenReturn(new Pbkdf2Sha512PasswordHashProviderFactory().create(session));
        provider = (SecurityQuestionsCredentialProvider) new SecurityQuestionsCredentialProviderFactory()
                .create(session);
        realm = mock(RealmModel.class);
        SubjectCredentialManager credentials = mock(SubjectCredentialManager.class);
        when(credentials.getStoredCredentialsByTypeStream(anyString())).thenAnswer(call -> List.copyOf(stored)
                .stream().filter(credential -> credential.getType().equals(call.getArgument(0))));
        when(credentials.createStoredCredential(any())).thenAnswer(call -> {
            CredentialModel credential = call.getArgument(0);
            credential.setId("imported-" + stored.size());
            stored.add(credential);
            return credential;
        });
        user = mock(UserModel.class);
        when(user.credentialManager()).thenReturn(credentials);
    }

    @Test
    @DisplayName("Given an imported credential, then the extension stores it as given and verifies the answers")
    void importedAnswersVerify() {
        CredentialRepresentation imported = SecurityQuestionsImport.answers()
                .question("first-concert", "Die Ärzte")
                .question("first-album", "Thriller")
                .customQuestion(MASCOT, "Captain  Fluff")
                .registeredAt(1_767_225_600_000L)
                .toRepresentation();

        // the admin REST user import: RepresentationToModel.createCredentials -> createCredentialThroughProvider
        CredentialModel model = RepresentationToModel.toModel(imported);
        provider.createCredential(realm, user, provider.getCredentialFromModel(model));

        assertThat(stored).singleElement().satisfies(credential -> {
            assertThat(credential.getSecretData()).isEqualTo(imported.getSecretData());
            assertThat(credential.getCredentialData()).isEqualTo(imported.getCredentialData());
        });
        assertThat(provider.registeredQuestions(user)).containsExactly(Question.builtIn("first-concert"),
                Question.builtIn("first-album"), Question.custom(MASCOT));
        assertThat(Question.custom(MASCOT).id()).isEqualTo(SecurityQuestionsImport.customId(MASCOT));
        assertThat(provider.verify(realm, user, Map.of(
                "first-concert", "DIE ÄRZTE",
                "first-album", "ｔｈｒｉｌｌｅｒ",
                Question.custom(MASCOT).id(), "captain fluff"))).isTrue();
        assertThat(provider.verify(realm, user, Map.of("first-album", "Bad"))).isFalse();
    }

    @Test
    @DisplayName("Given an import with its own iteration count, then verification uses that count")
    void recordedIterationsHonoured() {
        CredentialRepresentation imported = SecurityQuestionsImport.answers()
                .question("first-book", "Momo")
                .question("learned-to-swim", "Stadtbad")
                .question("first-car", "Golf II")
                .iterations(2_000)
                .toRepresentation();

        provider.createCredential(realm, user, provider.getCredentialFromModel(RepresentationToModel.toModel(imported)));

        assertThat(imported.getSecretData()).contains("\"hashIterations\":2000");
        assertThat(provider.verify(realm, user, Map.of("first-car", "golf ii", "first-book", "MOMO"))).isTrue();
    }
}
