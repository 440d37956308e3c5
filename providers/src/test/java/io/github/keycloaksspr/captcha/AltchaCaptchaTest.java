package io.github.keycloaksspr.captcha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import org.altcha.altcha.Altcha;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeyManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.util.JsonSerialization;

class AltchaCaptchaTest {

    private final Set<String> used = new HashSet<>();
    private AltchaCaptcha captcha;
    private KeyWrapper key;

    @BeforeEach
    void setUp() {
        KeycloakSession session = mock(KeycloakSession.class);
        RealmModel realm = mock(RealmModel.class);
        KeyManager keys = mock(KeyManager.class);
        SingleUseObjectProvider singleUse = mock(SingleUseObjectProvider.class);
        key = new KeyWrapper();
        key.setKid("kid-1");
        key.setSecretKey(new SecretKeySpec("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        when(session.keys()).thenReturn(keys);
        when(keys.getActiveKey(realm, KeyUse.SIG, Algorithm.HS512)).thenAnswer(invocation -> key);
        when(session.singleUseObjects()).thenReturn(singleUse);
        when(singleUse.putIfAbsent(anyString(), anyLong())).thenAnswer(invocation -> used.add(invocation.getArgument(0)));
        when(realm.getName()).thenReturn("test");
        captcha = new AltchaCaptcha(session, realm);
    }

    @Test
    @DisplayName("Given a solved challenge, then it passes once and is refused as a replay the second time")
    void solvedOnce() throws Exception {
        String payload = solve(captcha.challengeJson());

        assertThat(captcha.verify(payload)).isEqualTo(CaptchaVerdict.VALID);
        assertThat(captcha.verify(payload)).isEqualTo(CaptchaVerdict.REPLAYED);
    }

    @Test
    @DisplayName("Given a wrong number, then the solution is invalid")
    void wrongNumber() throws Exception {
        Map<String, Object> payload = payloadMap(captcha.challengeJson());
        payload.put("number", ((Number) payload.get("number")).longValue() + 1);

        assertThat(captcha.verify(encode(payload))).isEqualTo(CaptchaVerdict.INVALID);
    }

    @Test
    @DisplayName("Given a challenge signed with another key (forged or from another realm), then it is invalid")
    void otherKey() throws Exception {
        String payload = solve(captcha.challengeJson());
        key = new KeyWrapper();
        key.setKid("kid-2");
        key.setSecretKey(new SecretKeySpec("another-key-another-key-another!".getBytes(StandardCharsets.UTF_8), "HmacSHA512"));

        assertThat(captcha.verify(payload)).isEqualTo(CaptchaVerdict.INVALID);
    }

    @Test
    @DisplayName("Given nothing, garbage or an oversized value, then it is missing or invalid, never an exception")
    void garbage() {
        assertThat(captcha.verify(null)).isEqualTo(CaptchaVerdict.MISSING);
        assertThat(captcha.verify("")).isEqualTo(CaptchaVerdict.MISSING);
        assertThat(captcha.verify("not base64 at all!")).isEqualTo(CaptchaVerdict.INVALID);
        assertThat(captcha.verify(Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(CaptchaVerdict.INVALID);
        assertThat(captcha.verify("A".repeat(5000))).isEqualTo(CaptchaVerdict.INVALID);
    }

    @Test
    @DisplayName("Given a challenge, then it carries an expiry and the configured difficulty")
    void challengeShape() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> challenge = JsonSerialization.readValue(captcha.challengeJson(), Map.class);

        assertThat(challenge).containsKeys("algorithm", "challenge", "maxnumber", "salt", "signature");
        assertThat(((Number) challenge.get("maxnumber")).longValue()).isEqualTo(AltchaCaptcha.MAX_NUMBER);
        assertThat((String) challenge.get("salt")).contains("expires=");
    }

    private static String solve(String challengeJson) throws Exception {
        return encode(payloadMap(challengeJson));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payloadMap(String challengeJson) throws Exception {
        Map<String, Object> challenge = JsonSerialization.readValue(challengeJson, Map.class);
        Altcha.Solution solution = Altcha.solveChallenge((String) challenge.get("challenge"),
                (String) challenge.get("salt"), Altcha.Algorithm.SHA256,
                ((Number) challenge.get("maxnumber")).longValue(), 0);
        Map<String, Object> payload = new java.util.LinkedHashMap<>(challenge);
        payload.remove("maxnumber");
        payload.put("number", solution.number);
        return payload;
    }

    private static String encode(Map<String, Object> payload) throws Exception {
        return Base64.getEncoder().encodeToString(JsonSerialization.writeValueAsBytes(payload));
    }
}
