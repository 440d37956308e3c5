package io.github.keycloaksspr.method;

/**
 * One method a user holds, as the reset pages show it and as a sender uses it.
 *
 * @param kind    the method
 * @param masked  what the user sees to recognise it, e.g. {@code t•••r@example.com}; empty where nothing is shown
 * @param address where a code goes (an email address, an E.164 number) or which credential proves it (an id);
 *                never shown, never logged
 */
public record Registration(MethodKind kind, String masked, String address) {

    @Override
    public String toString() {
        return "Registration[" + kind.id() + ", " + masked + "]";
    }
}
