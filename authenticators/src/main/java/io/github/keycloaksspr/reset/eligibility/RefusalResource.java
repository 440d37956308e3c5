package io.github.keycloaksspr.reset.eligibility;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** {@code /realms/{realm}/sspr/unavailable}: the refusal page, public, the same for every refused account. */
public final class RefusalResource {

    private final KeycloakSession session;

    RefusalResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path(RefusalPage.PATH)
    @Produces(MediaType.TEXT_HTML)
    public Response unavailable(@QueryParam("client_id") String clientId) {
        RealmModel realm = session.getContext().getRealm();
        ClientModel client = clientId == null || clientId.length() > 255 ? null : realm.getClientByClientId(clientId);
        if (client != null && client.isEnabled()) {
            session.getContext().setClient(client);
        } else {
            client = null;
        }
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.fromResponse(RefusalPage.render(session, realm, client)).cacheControl(noStore).build();
    }
}
