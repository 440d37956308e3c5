package io.github.keycloaksspr.method;

import java.util.EnumSet;
import java.util.Set;

import org.keycloak.models.UserModel;

/**
 * Which verification methods a user holds. Only methods whose contact data the user has proven count:
 * an email address counts once it is verified.
 */
public final class RegisteredMethods {

    private RegisteredMethods() {
    }

    public static Set<MethodKind> of(UserModel user) {
        Set<MethodKind> held = EnumSet.noneOf(MethodKind.class);
        if (user.getEmail() != null && !user.getEmail().isBlank() && user.isEmailVerified()) {
            held.add(MethodKind.EMAIL);
        }
        return held;
    }

    /** The methods a user holds that the policy also allows. */
    public static Set<MethodKind> usable(UserModel user, Set<MethodKind> allowed) {
        Set<MethodKind> usable = EnumSet.noneOf(MethodKind.class);
        usable.addAll(of(user));
        usable.retainAll(allowed);
        return usable;
    }
}
