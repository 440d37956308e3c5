package io.github.keycloaksspr.it.harness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.keycloak.representations.idm.CredentialRepresentation;

/**
 * An authenticator app, computed here as RFC 6238 says, for Keycloak's default OTP policy (TOTP, HmacSHA1, 6 digits,
 * 30 s). Keycloak keeps the shared secret as the UTF-8 bytes of the stored value.
 */
public final class Totp {

    private static final int PERIOD_SECONDS = 30;
    private static final int DIGITS = 6;

    private Totp() {
    }

    /** Keycloak's stored form of an OTP credential, as an export or a migration carries it. */
    public static CredentialRepresentation credential(String secret, String label) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType("otp");
        credential.setUserLabel(label);
        credential.setSecretData("{\"value\":\"" + secret + "\"}");
        credential.setCredentialData("{\"subType\":\"totp\",\"digits\":" + DIGITS + ",\"counter\":0,\"period\":"
                + PERIOD_SECONDS + ",\"algorithm\":\"HmacSHA1\"}");
        return credential;
    }

    /** The code the app shows at {@code epochSeconds}. */
    public static String code(String secret, long epochSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(epochSeconds / PERIOD_SECONDS).array());
            int offset = hash[hash.length - 1] & 0xf;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required by every Java platform", e);
        }
    }

    public static String now(String secret) {
        return code(secret, System.currentTimeMillis() / 1000);
    }
}
