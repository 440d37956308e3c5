package io.github.keycloaksspr.captcha;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.altcha.altcha.Altcha;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

import io.github.keycloaksspr.secret.RealmSecrets;

/**
 * A self-hosted proof-of-work CAPTCHA (ALTCHA): the server signs a challenge, the browser spends a moment of CPU to
 * solve it, the server checks the signature and the solution. No third-party service is involved, so it works
 * offline. Challenges are signed with a key derived from the realm's HMAC key, so any node of a cluster can verify
 * them, and each solution is accepted once, cluster-wide.
 */
public final class AltchaCaptcha {

    /** Enough work to make scripted guessing costly, little enough to finish in well under a second on a phone. */
    static final long MAX_NUMBER = 100_000L;
    static final long CHALLENGE_TTL_SECONDS = 600L;

    private static final Logger LOG = Logger.getLogger(AltchaCaptcha.class);
    private static final String USED_PREFIX = "sspr.altcha.used.";
    private static final String PURPOSE = "altcha";

    private final KeycloakSession session;
    private final RealmModel realm;

    public AltchaCaptcha(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** A new signed challenge, as the JSON the widget's {@code challenge} attribute takes. */
    public String challengeJson() {
        try {
            Altcha.ChallengeOptions options = new Altcha.ChallengeOptions()
                    .setAlgorithm(Altcha.Algorithm.SHA256)
                    .setMaxNumber(MAX_NUMBER)
                    .setHmacKey(hmacKey())
                    .setExpiresInSeconds(CHALLENGE_TTL_SECONDS);
            Altcha.Challenge challenge = Altcha.createChallenge(options);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("algorithm", challenge.algorithm);
            json.put("challenge", challenge.challenge);
            json.put("maxnumber", challenge.maxnumber);
            json.put("salt", challenge.salt);
            json.put("signature", challenge.signature);
            return JsonSerialization.writeValueAsString(json);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create a CAPTCHA challenge", e);
        }
    }

    /** Checks a submitted solution (the widget's base64 payload) and burns it so it cannot be replayed. */
    public CaptchaVerdict verify(String payload) {
        if (payload == null || payload.isBlank()) {
            return CaptchaVerdict.MISSING;
        }
        if (payload.length() > 4096) {
            return CaptchaVerdict.INVALID;
        }
        boolean valid;
        try {
            valid = Altcha.verifySolution(payload, hmacKey(), true);
        } catch (Exception e) {
            LOG.debugf("Rejected a malformed CAPTCHA payload in realm %s: %s", realm.getName(), e.getClass().getSimpleName());
            return CaptchaVerdict.INVALID;
        }
        if (!valid) {
            return CaptchaVerdict.INVALID;
        }
        boolean firstUse = session.singleUseObjects().putIfAbsent(USED_PREFIX + fingerprint(payload), CHALLENGE_TTL_SECONDS);
        return firstUse ? CaptchaVerdict.VALID : CaptchaVerdict.REPLAYED;
    }

    private String hmacKey() {
        return HexFormat.of().formatHex(RealmSecrets.active(session, realm, PURPOSE).bytes());
    }

    /** The challenge's signature identifies a solved challenge; a digest keeps the store key short and uniform. */
    private static String fingerprint(String payload) {
        String basis = payload;
        try {
            String json = new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
            Object signature = JsonSerialization.readValue(json, Map.class).get("signature");
            if (signature != null) {
                basis = signature.toString();
            }
        } catch (Exception e) {
            // the library accepted the payload, so this cannot happen; the whole payload still identifies it
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
