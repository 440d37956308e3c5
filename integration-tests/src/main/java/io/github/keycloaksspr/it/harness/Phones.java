package io.github.keycloaksspr.it.harness;

import org.keycloak.representations.idm.CredentialRepresentation;

/** Registered phones in the form the extension stores them, as a migration imports them with a user. */
public final class Phones {

    private Phones() {
    }

    public static CredentialRepresentation mobile(String e164) {
        return credential("sspr-mobile-phone", e164, "");
    }

    public static CredentialRepresentation office(String e164, String extension) {
        return credential("sspr-office-phone", e164, extension);
    }

    private static CredentialRepresentation credential(String type, String e164, String extension) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(type);
        credential.setUserLabel("Phone");
        credential.setCredentialData("{\"number\":\"" + e164 + "\",\"extension\":\"" + extension + "\"}");
        credential.setSecretData("{}");
        return credential;
    }
}
