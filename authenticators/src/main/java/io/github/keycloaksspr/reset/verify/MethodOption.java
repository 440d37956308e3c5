package io.github.keycloaksspr.reset.verify;

import io.github.keycloaksspr.method.Registration;

/** One button on the method page: a JavaBean, because FreeMarker 2.3.32 reads getters, not record accessors. */
public final class MethodOption {

    private final String id;
    private final String destination;

    private MethodOption(String id, String destination) {
        this.id = id;
        this.destination = destination;
    }

    static MethodOption of(Registration registration) {
        return new MethodOption(registration.kind().id(), registration.masked());
    }

    public String getId() {
        return id;
    }

    /** The masked destination the user recognises, e.g. t•••r@example.com or +1 ••• ••• ••12. */
    public String getDestination() {
        return destination;
    }
}
