package io.github.keycloaksspr.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;
import org.keycloak.common.crypto.CryptoIntegration;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.Pbkdf2Sha512PasswordHashProviderFactory;
import org.keycloak.crypto.hash.Argon2PasswordHashProviderFactory;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.JsonNode;

class CredentialProviderTest {

    /** Low, so the suite stays fast; production uses the realm's policy or Keycloak's default. */
    private static final int ITERATIONS = 1000;

    private static final Question CONCERT = Question.builtIn("first-concert");
    private static final Question ALBUM = Question.builtIn("first-album");
    private static final Question BOOK = Question.builtIn("first-book");
    private static final Question MASCOT = Question.custom("What was our first team mascot?");
    private static final Question SWIM = Question.builtIn("learned-to-swim");

    private final List<CredentialModel> stored = new ArrayList<>();
    private final UserModel user = Users.withCredentials(stored);
    private final Properties messages = new Properties();
    private KeycloakSession session;
    private RealmModel realm;
    private PasswordHashProvider pbkdf2;
    private SecurityQuestionsCredentialProvider provider;

    @BeforeAll
    static void crypto() {
        CryptoIntegration.init(CredentialProviderTest.class.getClassLoader());
    }

    @BeforeEach
    void setUp() {
        pbkdf2 = spy(new Pbkdf2Sha512PasswordHashProviderFactory().create(null));
        session = mock(KeycloakSession.class);
        when(session.getProvider(PasswordHashProvider.class, Pbkdf2Sha512PasswordHashProviderFactory.ID))
                .thenReturn(pbkdf2);
        realm = mock(RealmModel.class);
        PasswordPolicy policy = mock(PasswordPolicy.class);
        when(policy.getHashAlgorithm()).thenReturn(Pbkdf2Sha512PasswordHashProviderFactory.ID);
        when(policy.getHashIterations()).thenReturn(ITERATIONS);
        when(realm.getPasswordPolicy()).thenReturn(policy);
        provider = new SecurityQuestionsCredentialProvider(session);
        messages.setProperty(CONCERT.messageKey(), "What was the first concert you went to?");
    }

    private Map<Question, String> threeAnswers() {
        Map<Question, String> answers = new LinkedHashMap<>();
        answers.put(CONCERT, "Die Ärzte, Köln");
        answers.put(ALBUM, "Ｔｈｒｉｌｌｅｒ");
        answers.put(MASCOT, "  Captain   Fluff ");
        return answers;
    }

    @Test
    @DisplayName("Given valid answers, then one credential holds the questions and a salted hash per answer, never the answer")
    void registerStoresHashes() throws Exception {
        assertThat(provider.register(realm, user, threeAnswers(), messages)).isEmpty();

        assertThat(stored).singleElement().satisfies(credential -> {
            assertThat(credential.getType()).isEqualTo("sspr-security-questions");
            assertThat(credential.getSecretData()).doesNotContainIgnoringCase("ärzte").doesNotContainIgnoringCase("fluff")
                    .doesNotContainIgnoringCase("thriller");
            JsonNode data = JsonSerialization.readValue(credential.getCredentialData(), JsonNode.class);
            assertThat(data.get("questions").findValuesAsText("id"))
                    .containsExactly("first-concert", "first-album", MASCOT.id());
            assertThat(data.get("questions").get(2).get("text").asText()).isEqualTo("What was our first team mascot?");
            assertThat(data.get("registeredAt").asLong()).isPositive();
            JsonNode answers = JsonSerialization.readValue(credential.getSecretData(), JsonNode.class).get("answers");
            assertThat(answers).hasSize(3);
            assertThat(answers.get(0).get("credentialData").get("algorithm").asText()).isEqualTo("pbkdf2-sha512");
            assertThat(answers.get(0).get("credentialData").get("hashIterations").asInt()).isEqualTo(ITERATIONS);
            assertThat(answers.get(0).get("secretData").get("salt").asText())
                    .isNotEqualTo(answers.get(1).get("secretData").get("salt").asText());
        });
        assertThat(provider.registeredQuestions(user)).containsExactly(CONCERT, ALBUM, MASCOT);
        assertThat(provider.isRegistered(user)).isTrue();
    }

    @Test
    @DisplayName("Given the registered answers typed differently (case, spaces, full-width), then they verify")
    void rightAnswersVerify() {
        provider.register(realm, user, threeAnswers(), messages);

        assertThat(provider.verify(realm, user, Map.of(
                CONCERT.id(), "DIE ÄRZTE,  köln",
                ALBUM.id(), "thriller",
                MASCOT.id(), "captain fluff"))).isTrue();
    }

    @Test
    @DisplayName("Given one wrong answer among right ones, then verification fails and still checks every answer")
    void oneWrongAnswerFailsAfterCheckingAll() {
        provider.register(realm, user, threeAnswers(), messages);
        PasswordHashProvider counting = spy(new Pbkdf2Sha512PasswordHashProviderFactory().create(null));
        when(session.getProvider(PasswordHashProvider.class, Pbkdf2Sha512PasswordHashProviderFactory.ID))
                .thenReturn(counting);

        Map<String, String> answers = new LinkedHashMap<>();
        answers.put(CONCERT.id(), "Die Toten Hosen");
        answers.put(ALBUM.id(), "Thriller");
        answers.put(MASCOT.id(), "Captain Fluff");

        assertThat(provider.verify(realm, user, answers)).isFalse();
        verify(counting, times(3)).verify(anyString(), any(PasswordCredentialModel.class));
    }

    @Test
    @DisplayName("Given no answers, an unregistered question or no registration, then verification fails")
    void nothingToVerify() {
        assertThat(provider.verify(realm, user, Map.of(CONCERT.id(), "Die Ärzte, Köln"))).isFalse();

        provider.register(realm, user, threeAnswers(), messages);

        assertThat(provider.verify(realm, user, Map.of())).isFalse();
        assertThat(provider.verify(realm, user, Map.of(SWIM.id(), "Hallenbad"))).isFalse();
        assertThat(provider.verify(realm, user, Map.of(CONCERT.id(), "Die Ärzte, Köln", SWIM.id(), "x")))
                .isFalse();
    }

    @Test
    @DisplayName("Given an answer longer than any registrable one, then it fails like any wrong answer")
    void overlongAnswerFails() {
        provider.register(realm, user, threeAnswers(), messages);

        assertThat(provider.verify(realm, user, Map.of(CONCERT.id(), "Die Ärzte, Köln" + " ".repeat(3)
                + "x".repeat(50)))).isFalse();
        verify(pbkdf2, times(1)).verify(anyString(), any(PasswordCredentialModel.class));
    }

    @Test
    @DisplayName("Given answers that break the rules, then nothing is stored and the problems are returned")
    void invalidRegistrationStoresNothing() {
        Map<Question, String> answers = threeAnswers();
        answers.put(ALBUM, "captain fluff");

        assertThat(provider.register(realm, user, answers, messages))
                .containsExactly(new AnswerProblem(MASCOT.id(), Answers.REPEATED_ANSWER));
        assertThat(stored).isEmpty();
        verify(pbkdf2, never()).encodedCredential(anyString(), anyInt());
    }

    @Test
    @DisplayName("Given an answer containing its question's text in the user's language, then it is refused")
    void answerContainingQuestionRefused() {
        messages.setProperty(BOOK.messageKey(), "Erstes Buch?");
        Map<Question, String> answers = threeAnswers();
        answers.put(BOOK, "mein erstes buch");

        assertThat(provider.register(realm, user, answers, messages))
                .containsExactly(new AnswerProblem(BOOK.id(), Answers.CONTAINS_QUESTION));
    }

    @Test
    @DisplayName("Given a second registration, then it replaces the first and the old answers stop working")
    void registerReplaces() {
        provider.register(realm, user, threeAnswers(), messages);
        Map<Question, String> second = new LinkedHashMap<>();
        second.put(BOOK, "Momo");
        second.put(SWIM, "Stadtbad Mitte");
        second.put(ALBUM, "Bad");

        assertThat(provider.register(realm, user, second, messages)).isEmpty();

        assertThat(stored).hasSize(1);
        assertThat(provider.registeredQuestions(user)).containsExactly(BOOK, SWIM, ALBUM);
        assertThat(provider.verify(realm, user, Map.of(ALBUM.id(), "Thriller"))).isFalse();
        assertThat(provider.verify(realm, user, Map.of(ALBUM.id(), "bad", BOOK.id(), "momo"))).isTrue();
    }

    @Test
    @DisplayName("Given no hash algorithm in the password policy, then Keycloak's default provider hashes with its own iterations")
    void defaultHashProvider() {
        PasswordHashProvider argon2 = argon2();
        when(session.getProvider(PasswordHashProvider.class)).thenReturn(argon2);
        when(session.getProvider(PasswordHashProvider.class, Argon2PasswordHashProviderFactory.ID)).thenReturn(argon2);
        when(realm.getPasswordPolicy()).thenReturn(PasswordPolicy.empty());

        provider.register(realm, user, threeAnswers(), messages);

        assertThat(stored.get(0).getSecretData()).contains("\"algorithm\":\"argon2\"");
        assertThat(provider.verify(realm, user, Map.of(ALBUM.id(), "THRILLER"))).isTrue();
        assertThat(provider.verify(realm, user, Map.of(ALBUM.id(), "Bad"))).isFalse();
    }

    @Test
    @DisplayName("Given answers hashed before the realm changed its hash algorithm, then they still verify")
    void olderAlgorithmStillVerifies() {
        provider.register(realm, user, threeAnswers(), messages);
        when(realm.getPasswordPolicy()).thenReturn(PasswordPolicy.empty());
        PasswordHashProvider argon2 = argon2();
        when(session.getProvider(PasswordHashProvider.class)).thenReturn(argon2);

        assertThat(provider.verify(realm, user, Map.of(MASCOT.id(), "Captain Fluff"))).isTrue();
    }

    @Test
    @DisplayName("Given a hash whose algorithm this server lacks, then verification fails without an exception")
    void unknownAlgorithmFails() {
        provider.register(realm, user, threeAnswers(), messages);
        when(session.getProvider(PasswordHashProvider.class, Pbkdf2Sha512PasswordHashProviderFactory.ID))
                .thenReturn(null);

        assertThat(provider.verify(realm, user, Map.of(MASCOT.id(), "Captain Fluff"))).isFalse();
    }

    @Test
    @DisplayName("Given five registered questions and a fixed seed, then draws are distinct, repeatable, and vary")
    void drawDistinctRandomSubsets() {
        Map<Question, String> five = threeAnswers();
        five.put(BOOK, "Momo");
        five.put(SWIM, "Stadtbad Mitte");
        provider.register(realm, user, five, messages);

        List<Question> first = provider.draw(user, 3, new Random(42));
        assertThat(first).hasSize(3).doesNotHaveDuplicates().isSubsetOf(five.keySet());
        assertThat(provider.draw(user, 3, new Random(42))).isEqualTo(first);

        Random random = new Random(7);
        Set<Set<Question>> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            List<Question> drawn = provider.draw(user, 3, random);
            assertThat(drawn).doesNotHaveDuplicates();
            seen.add(Set.copyOf(drawn));
        }
        // all C(5,3) = 10 subsets turn up in 200 draws
        assertThat(seen).hasSize(10);
        assertThat(provider.draw(user, 5, random)).containsExactlyInAnyOrderElementsOf(five.keySet());
    }

    @Test
    @DisplayName("Given fewer registered questions than a reset asks, then nothing is drawn")
    void drawMoreThanRegistered() {
        provider.register(realm, user, threeAnswers(), messages);

        assertThat(provider.draw(user, 4, new Random(1))).isEmpty();
        assertThat(provider.draw(Users.withCredentials(), 3, new Random(1))).isEmpty();
        assertThatThrownBy(() -> provider.draw(user, 0, new Random(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("Given imported data missing an answer hash or naming an unknown question, then it is not stored")
    void incompleteImportRefused() throws Exception {
        provider.register(realm, user, threeAnswers(), messages);
        CredentialModel valid = stored.get(0);

        CredentialModel missingHash = copy(valid);
        JsonNode secret = JsonSerialization.readValue(valid.getSecretData(), JsonNode.class);
        ((com.fasterxml.jackson.databind.node.ArrayNode) secret.get("answers")).remove(1);
        missingHash.setSecretData(JsonSerialization.writeValueAsString(secret));
        assertThatThrownBy(() -> provider.createCredential(realm, user, provider.getCredentialFromModel(missingHash)))
                .isInstanceOf(ModelException.class).hasMessageContaining("first-album");

        CredentialModel unknown = copy(valid);
        unknown.setCredentialData(valid.getCredentialData().replace("first-concert", "mothers-maiden-name"));
        unknown.setSecretData(valid.getSecretData().replace("first-concert", "mothers-maiden-name"));
        assertThatThrownBy(() -> provider.createCredential(realm, user, provider.getCredentialFromModel(unknown)))
                .isInstanceOf(ModelException.class).hasMessageContaining("mothers-maiden-name");

        CredentialModel garbage = copy(valid);
        garbage.setSecretData("{not json");
        assertThatThrownBy(() -> provider.getCredentialFromModel(garbage))
                .isInstanceOf(ModelException.class).hasMessageNotContaining("not json");
        assertThat(stored).containsExactly(valid);
    }

    @Test
    @DisplayName("Given a stored credential that cannot be read, then the user counts as not registered")
    void unreadableCredential() {
        CredentialModel broken = new CredentialModel();
        broken.setId("c-1");
        broken.setType(SecurityQuestionsCredentialModel.TYPE);
        broken.setCredentialData("[]");
        stored.add(broken);

        assertThat(provider.isRegistered(user)).isFalse();
        assertThat(provider.registeredQuestions(user)).isEmpty();
        assertThat(provider.verify(realm, user, Map.of(CONCERT.id(), "x"))).isFalse();
    }

    @Test
    @DisplayName("Given the account console asks, then the type is a removable two-factor credential with message keys")
    void metadata() {
        KeycloakContext context = mock(KeycloakContext.class);
        when(session.getContext()).thenReturn(context);
        when(context.getRealm()).thenReturn(realm);
        RequiredActionProviderModel delete = new RequiredActionProviderModel();
        delete.setProviderId("delete_credential");
        delete.setEnabled(true);
        when(realm.getRequiredActionProvidersStream()).thenAnswer(call -> Stream.of(delete));

        CredentialTypeMetadata metadata = provider.getCredentialTypeMetadata(mock(CredentialTypeMetadataContext.class));

        assertThat(metadata.getType()).isEqualTo("sspr-security-questions");
        assertThat(metadata.getCategory()).isEqualTo(CredentialTypeMetadata.Category.TWO_FACTOR);
        assertThat(metadata.isRemoveable()).isTrue();
        assertThat(metadata.getDisplayName()).isEqualTo("ssprSecurityQuestionsDisplayName");
        assertThat(metadata.getHelpText()).isEqualTo("ssprSecurityQuestionsHelpText");
    }

    @Test
    @DisplayName("Given the registration action is enabled, then the account console's \u201cSet up\u201d names it by its "
            + "provider id alone, the only form Keycloak keeps")
    void metadataStartsRegistration() {
        KeycloakContext context = mock(KeycloakContext.class);
        when(session.getContext()).thenReturn(context);
        when(context.getRealm()).thenReturn(realm);
        RequiredActionProviderModel register = new RequiredActionProviderModel();
        register.setAlias("sspr-register-security-info");
        register.setProviderId("sspr-register-security-info");
        register.setEnabled(true);
        when(realm.getRequiredActionProviderByAlias("sspr-register-security-info")).thenReturn(register);
        when(realm.getRequiredActionProvidersStream()).thenAnswer(call -> Stream.of(register));

        CredentialTypeMetadata metadata = provider.getCredentialTypeMetadata(mock(CredentialTypeMetadataContext.class));

        assertThat(metadata.getCreateAction()).isEqualTo("sspr-register-security-info");
        assertThat(metadata.getUpdateAction()).isNull();
    }

    private static CredentialModel copy(CredentialModel source) {
        CredentialModel copy = new CredentialModel();
        copy.setType(source.getType());
        copy.setCredentialData(source.getCredentialData());
        copy.setSecretData(source.getSecretData());
        return copy;
    }

    private static PasswordHashProvider argon2() {
        Config.Scope defaults = mock(Config.Scope.class);
        when(defaults.get(anyString(), any())).thenAnswer(call -> call.getArgument(1));
        when(defaults.getInt(anyString(), any())).thenAnswer(call -> call.getArgument(1));
        Argon2PasswordHashProviderFactory factory = new Argon2PasswordHashProviderFactory();
        factory.init(defaults);
        return factory.create(null);
    }
}
