package io.github.keycloaksspr.method;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** One factory per phone credential type, as Keycloak looks providers up by the type's id. */
public final class PhoneCredentialProviderFactories {

    private PhoneCredentialProviderFactories() {
    }

    /** {@code sspr-mobile-phone}: texts and calls. */
    public static final class Mobile implements CredentialProviderFactory<PhoneCredentialProvider> {

        @Override
        public PhoneCredentialProvider create(KeycloakSession session) {
            return new PhoneCredentialProvider(session, PhoneCredentials.MOBILE_TYPE);
        }

        @Override
        public String getId() {
            return PhoneCredentials.MOBILE_TYPE;
        }
    }

    /** {@code sspr-office-phone}: calls, with an extension. */
    public static final class Office implements CredentialProviderFactory<PhoneCredentialProvider> {

        @Override
        public PhoneCredentialProvider create(KeycloakSession session) {
            return new PhoneCredentialProvider(session, PhoneCredentials.OFFICE_TYPE);
        }

        @Override
        public String getId() {
            return PhoneCredentials.OFFICE_TYPE;
        }
    }
}
