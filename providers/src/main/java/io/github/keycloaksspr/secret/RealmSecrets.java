package io.github.keycloaksspr.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Keys for this extension, derived from the realm's own HS512 key: every node of a cluster has it, it lives in
 * the database rather than the session store, and it rotates with the realm's keys. Each purpose gets its own
 * derived key, so a value made for one purpose never verifies for another.
 */
public final class RealmSecrets {

    private RealmSecrets() {
    }

    /** The derived key of the realm's active HMAC key, with that key's id so it can be found again after rotation. */
    public static DerivedKey active(KeycloakSession session, RealmModel realm, String purpose) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        if (key == null || key.getSecretKey() == null) {
            throw new IllegalStateException("Realm " + realm.getName() + " has no active HS512 key");
        }
        return new DerivedKey(key.getKid(), derive(key.getSecretKey().getEncoded(), purpose));
    }

    /** The derived key of a realm key by id; null once that key is gone. */
    public static DerivedKey byKid(KeycloakSession session, RealmModel realm, String kid, String purpose) {
        KeyWrapper key = kid == null ? null : session.keys().getKey(realm, kid, KeyUse.SIG, Algorithm.HS512);
        if (key == null || key.getSecretKey() == null) {
            return null;
        }
        return new DerivedKey(key.getKid(), derive(key.getSecretKey().getEncoded(), purpose));
    }

    static byte[] derive(byte[] realmKey, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(realmKey, "HmacSHA256"));
            return mac.doFinal(("keycloak-sspr/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
