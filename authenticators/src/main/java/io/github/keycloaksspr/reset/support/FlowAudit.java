package io.github.keycloaksspr.reset.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.sessions.AuthenticationSessionModel;

import io.github.keycloaksspr.audit.Audit;

/** Builds the {@link Audit} of one reset attempt; its records share a flow id derived from the browser tab's session. */
public final class FlowAudit {

    private FlowAudit() {
    }

    public static Audit of(AuthenticationFlowContext context) {
        return new Audit(context.getSession(), context.getRealm(), flowId(context.getAuthenticationSession()));
    }

    /** A digest, so audit readers can group records without learning a live session id. */
    static String flowId(AuthenticationSessionModel authSession) {
        String basis = authSession.getParentSession().getId() + "/" + authSession.getTabId();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
