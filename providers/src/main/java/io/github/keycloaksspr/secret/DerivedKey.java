package io.github.keycloaksspr.secret;

/**
 * A key derived for one purpose from a realm key.
 *
 * @param kid   the id of the realm key it was derived from
 * @param bytes the derived key
 */
public record DerivedKey(String kid, byte[] bytes) {

    @Override
    public String toString() {
        // never print key material
        return "DerivedKey[kid=" + kid + "]";
    }
}
