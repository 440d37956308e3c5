package io.github.keycloaksspr.audit;

/** Detail keys this extension adds to Keycloak events, all with the sspr_ prefix; the flow writes them, listeners read them. */
public final class EventDetails {

    public static final String GATE = "sspr_gate";
    public static final String REASON = "sspr_reason";
    public static final String METHOD = "sspr_method";
    public static final String METHODS = "sspr_methods";

    private EventDetails() {
    }
}
