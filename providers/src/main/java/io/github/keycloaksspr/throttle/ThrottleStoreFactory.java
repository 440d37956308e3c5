package io.github.keycloaksspr.throttle;

import org.keycloak.provider.ProviderFactory;

public interface ThrottleStoreFactory extends ProviderFactory<ThrottleStore> {
}
