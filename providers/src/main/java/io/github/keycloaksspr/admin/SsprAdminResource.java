package io.github.keycloaksspr.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import io.github.keycloaksspr.audit.AuditActivity;
import io.github.keycloaksspr.audit.AuditLog;
import io.github.keycloaksspr.audit.AuditQuery;
import io.github.keycloaksspr.notify.outbox.Outbox;
import io.github.keycloaksspr.policy.PolicyResolver;

/**
 * {@code /admin/realms/{realm}/sspr}: audit records for admins and SIEM export, the notification outbox, and the
 * effective policy.
 * Keycloak's admin authentication applies; reading the audit and the notification outbox needs view-events, the
 * policy view-realm.
 */
public final class SsprAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    SsprAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Path("audit")
    @Produces(MediaType.APPLICATION_JSON)
    public Response audit(@QueryParam("activity") String activity, @QueryParam("userId") String userId,
                          @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("first") String first, @QueryParam("max") String max) {
        auth.realm().requireViewEvents();
        QueryParameters parameters = QueryParameters.parse(activity, userId, from, to, first, max);
        if (parameters.error() != null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Map.of("error", "invalid_parameter", "error_description", parameters.error()))
                    .type(MediaType.APPLICATION_JSON).build();
        }
        AuditQuery query = new AuditQuery(realm.getId(), parameters.activity(), parameters.userId(),
                parameters.from(), parameters.to(), parameters.first(), parameters.max());
        List<AuditRecordRepresentation> records = session.getProvider(AuditLog.class).query(query).stream()
                .map(AuditRecordRepresentation::of).toList();
        return Response.ok(records).build();
    }

    /** The notification outbox, newest first: what was sent, what waits for a retry, what failed. */
    @GET
    @Path("outbox")
    @Produces(MediaType.APPLICATION_JSON)
    public Response outbox(@QueryParam("status") String status, @QueryParam("first") String first,
                           @QueryParam("max") String max) {
        auth.realm().requireViewEvents();
        OutboxQueryParameters parameters = OutboxQueryParameters.parse(status, first, max);
        if (parameters.error() != null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Map.of("error", "invalid_parameter", "error_description", parameters.error()))
                    .type(MediaType.APPLICATION_JSON).build();
        }
        List<OutboxRecordRepresentation> rows = Outbox.of(session)
                .page(realm.getId(), parameters.status(), parameters.first(), parameters.max()).stream()
                .map(OutboxRecordRepresentation::of).toList();
        return Response.ok(rows).build();
    }

    @GET
    @Path("policy")
    @Produces(MediaType.APPLICATION_JSON)
    public PolicyRepresentation policy() {
        auth.realm().requireViewRealm();
        return PolicyRepresentation.of(PolicyResolver.resolve(session, realm));
    }

    /** Lists Entra's activity names, so a report or SIEM rule can map them without reading the code. */
    @GET
    @Path("audit/activities")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> activities() {
        auth.realm().requireViewEvents();
        Map<String, String> names = new LinkedHashMap<>();
        for (AuditActivity activity : AuditActivity.values()) {
            names.put(activity.name(), activity.displayName());
        }
        return names;
    }
}
