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
