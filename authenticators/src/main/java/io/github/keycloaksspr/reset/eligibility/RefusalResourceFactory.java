package io.github.keycloaksspr.reset.eligibility;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts {@link RefusalResource} at {@code /realms/{realm}/sspr}. */
public final class RefusalResourceFactory implements RealmResourceProviderFactory {

    public static final String ID = "sspr";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        RefusalResource resource = new RefusalResource(session);
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return resource;
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        // nothing to configure
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public String getId() {
        return ID;
    }
}
