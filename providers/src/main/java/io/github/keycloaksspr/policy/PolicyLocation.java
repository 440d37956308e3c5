package io.github.keycloaksspr.policy;

/**
 * Where the policy lives: the authenticator config of the verification step of the reset flow, so an admin edits
 * it with the flow editor's gear and no experimental feature.
 */
public final class PolicyLocation {

    public static final String FLOW_ALIAS = "sspr-reset-credentials";
    public static final String VERIFY_AUTHENTICATOR_ID = "sspr-verify";

    private PolicyLocation() {
    }
}
