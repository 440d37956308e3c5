package io.github.keycloaksspr.it.harness;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one attempt per JVM to start the suite's servers. A failed start is remembered, so the other test classes
 * fail at once with its cause instead of each waiting minutes for another doomed boot.
 */
final class SuiteStart implements ExtensionContext.Store.CloseableResource {

    private final SuiteResources resources;
    private final RuntimeException failure;

    private SuiteStart(SuiteResources resources, RuntimeException failure) {
        this.resources = resources;
        this.failure = failure;
    }

    static SuiteStart attempt() {
        try {
            return new SuiteStart(SuiteResources.start(), null);
        } catch (RuntimeException e) {
            return new SuiteStart(null, e);
        }
    }

    SuiteResources resources() {
        if (failure != null) {
            throw new IllegalStateException("The suite's Keycloak could not be started: " + failure.getMessage(),
                    failure);
        }
        return resources;
    }

    @Override
    public void close() {
        if (resources != null) {
            resources.close();
        }
    }
}
