package io.github.keycloaksspr.audit;

/** Detail keys this extension adds to Keycloak events, all with the sspr_ prefix; the flow writes them, listeners read them. */
public final class EventDetails {

    public static final String GATE = "sspr_gate";
    public static final String REASON = "sspr_reason";
    public static final String METHOD = "sspr_method";
    public static final String METHODS = "sspr_methods";
    /** An outside channel's own error code, e.g. Twilio's 21211; never a message text. */
    public static final String PROVIDER_ERROR = "sspr_provider_error";

    private EventDetails() {
    }
}
