package io.github.keycloaksspr.method;

import java.util.Arrays;
import java.util.Optional;

/**
 * A way a user proves who they are during a reset. The id is what admins store in the policy and what forms post,
 * so it never changes once released.
 */
public enum MethodKind {
    EMAIL("email");

    private final String id;

    MethodKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<MethodKind> fromId(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
    }
}
