package io.github.keycloaksspr.it.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.keycloak.representations.idm.CredentialRepresentation;

/**
 * Builds a user's {@code sspr-security-questions} credential for {@code UserRepresentation.credentials}, the way a
 * migration imports security questions through the admin REST API: answers normalised as the extension does, then
 * hashed with PBKDF2-SHA512 into exactly the JSON Keycloak stores for a password. Written without the extension's
 * classes on purpose, so a test that verifies its output with the extension proves the documented format.
 */
public final class SecurityQuestionsImport {

    public static final String TYPE = "sspr-security-questions";
    /** Cheap enough for test fixtures; each hash records its count and verification uses the recorded one. */
    public static final int FIXTURE_ITERATIONS = 1_000;
    /** Keycloak's own PBKDF2-SHA512 default, for imports that stay in production. */
    public static final int PRODUCTION_ITERATIONS = 210_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private record Entry(String id, String customText, String answer) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private int iterations = FIXTURE_ITERATIONS;
    private long registeredAt = System.currentTimeMillis();

    private SecurityQuestionsImport() {
    }

    public static SecurityQuestionsImport answers() {
        return new SecurityQuestionsImport();
    }

    /** A built-in question by id, such as {@code first-concert}, and the user's answer as they would type it. */
    public SecurityQuestionsImport question(String id, String answer) {
        entries.add(new Entry(id, null, answer));
        return this;
    }

    /** An admin-defined question by its text; its id is {@code custom-} and 8 hex digits of the text's SHA-256. */
    public SecurityQuestionsImport customQuestion(String text, String answer) {
        String trimmed = text.strip();
        entries.add(new Entry(customId(trimmed), trimmed, answer));
        return this;
    }

    public SecurityQuestionsImport iterations(int value) {
        this.iterations = value;
        return this;
    }

    public SecurityQuestionsImport registeredAt(long epochMillis) {
        this.registeredAt = epochMillis;
        return this;
    }

    public CredentialRepresentation toRepresentation() {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(TYPE);
        credential.setCreatedDate(registeredAt);
        credential.setCredentialData(credentialData());
        credential.setSecretData(secretData());
        return credential;
    }

    /** Only {@code custom-<8 hex>} ids: built-in ids are fixed names. */
    public static String customId(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.strip().getBytes(StandardCharsets.UTF_8));
            return "custom-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** NFKC, trim, one space for any whitespace run, lower case independent of locale. */
    static String normalise(String answer) {
        String compatible = Normalizer.normalize(answer, Normalizer.Form.NFKC);
        return WHITESPACE.matcher(compatible.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private String credentialData() {
        List<Map<String, Object>> questions = new ArrayList<>();
        for (Entry entry : entries) {
            Map<String, Object> question = new LinkedHashMap<>();
            question.put("id", entry.id());
            if (entry.customText() != null) {
                question.put("text", entry.customText());
            }
            questions.add(question);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("questions", questions);
        data.put("registeredAt", registeredAt);
        return write(data);
    }

    private String secretData() {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Entry entry : entries) {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            Map<String, Object> hashParameters = new LinkedHashMap<>();
            hashParameters.put("hashIterations", iterations);
            hashParameters.put("algorithm", "pbkdf2-sha512");
            hashParameters.put("additionalParameters", Map.of());
            Map<String, Object> hash = new LinkedHashMap<>();
            hash.put("value", pbkdf2(normalise(entry.answer()), salt));
            hash.put("salt", Base64.getEncoder().encodeToString(salt));
            hash.put("additionalParameters", Map.of());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("question", entry.id());
            answer.put("credentialData", hashParameters);
            answer.put("secretData", hash);
            answers.add(answer);
        }
        return write(Map.of("answers", answers));
    }

    private String pbkdf2(String normalisedAnswer, byte[] salt) {
        try {
            // 512 bits, as Keycloak's pbkdf2-sha512 provider derives
            PBEKeySpec spec = new PBEKeySpec(normalisedAnswer.toCharArray(), salt, iterations, 512);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            return Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is required by every Java platform", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
