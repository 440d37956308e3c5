package io.github.keycloaksspr.audit;

import java.util.UUID;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Writes audit records for one request: the realm, time and client address are filled in here. */
public final class Audit {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String flowId;

    public Audit(KeycloakSession session, RealmModel realm, String flowId) {
        this.session = session;
        this.realm = realm;
        this.flowId = flowId;
    }

    public void gatePassed(FlowGate gate, UserModel user, String method) {
        write(AuditActivity.FLOW_PROGRESS, gate, user, method, AuditResult.SUCCESS, null);
    }

    public void gateFailed(FlowGate gate, UserModel user, String method, String reason) {
        write(AuditActivity.FLOW_PROGRESS, gate, user, method, AuditResult.FAILURE, reason);
    }

    /**
     * A failure caused by an outside channel: {@code providerCode} is the channel's own error code (Twilio's 21211,
     * say), kept after the reason as {@code send_failed:21211} so an admin can look it up.
     */
    public void gateFailed(FlowGate gate, UserModel user, String method, String reason, String providerCode) {
        String code = providerCode == null ? "" : providerCode.strip();
        String full = code.isEmpty() ? reason : reason + ":" + (code.length() > 64 ? code.substring(0, 64) : code);
        write(AuditActivity.FLOW_PROGRESS, gate, user, method, AuditResult.FAILURE, full);
    }

    public void activity(AuditActivity activity, UserModel user, String method, AuditResult result, String reason) {
        write(activity, null, user, method, result, reason);
    }

    private void write(AuditActivity activity, FlowGate gate, UserModel user, String method, AuditResult result,
                       String reason) {
        String ip = session.getContext().getConnection() == null ? null
                : session.getContext().getConnection().getRemoteAddr();
        session.getProvider(AuditLog.class).record(new AuditRecord(UUID.randomUUID().toString(), realm.getId(),
                user == null ? null : user.getId(), activity, gate, method, result, reason, ip, flowId,
                System.currentTimeMillis()));
    }
}
