package io.github.keycloaksspr.reset.verify;

import io.github.keycloaksspr.method.Masking;
import io.github.keycloaksspr.method.MethodKind;

import org.keycloak.models.UserModel;

/** One button on the method page: a JavaBean, because FreeMarker 2.3.32 reads getters, not record accessors. */
public final class MethodOption {

    private final String id;
    private final String destination;

    private MethodOption(String id, String destination) {
        this.id = id;
        this.destination = destination;
    }

    static MethodOption of(MethodKind kind, UserModel user) {
        return switch (kind) {
            case EMAIL -> new MethodOption(kind.id(), Masking.email(user.getEmail()));
        };
    }

    public String getId() {
        return id;
    }

    /** The masked destination the user recognises, e.g. t•••r@example.com. */
    public String getDestination() {
        return destination;
    }
}
