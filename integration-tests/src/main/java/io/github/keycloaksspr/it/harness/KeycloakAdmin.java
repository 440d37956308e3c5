package io.github.keycloaksspr.it.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

/** The master realm's admin, as a test or the demo acts through Keycloak's admin REST API. */
public final class KeycloakAdmin implements AutoCloseable {

    public static final String USERNAME = "admin";
    public static final String PASSWORD = "admin";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final Keycloak keycloak;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakAdmin(String baseUrl, Keycloak keycloak) {
        this.baseUrl = baseUrl;
        this.keycloak = keycloak;
    }

    public static KeycloakAdmin connect(KeycloakServer server) {
        return connect(server.baseUrl());
    }

    public static KeycloakAdmin connect(String baseUrl) {
        Keycloak keycloak = KeycloakBuilder.builder()
                .serverUrl(baseUrl)
                .realm("master")
                .clientId("admin-cli")
                .username(USERNAME)
                .password(PASSWORD)
                .build();
        return new KeycloakAdmin(baseUrl, keycloak);
    }

    public Keycloak client() {
        return keycloak;
    }

    public RealmResource realm(String name) {
        return keycloak.realm(name);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A current master-realm admin access token. */
    public String accessToken() {
        return keycloak.tokenManager().getAccessTokenString();
    }

    /** The audit trail as the master admin sees it; fails unless the endpoint answers 200. */
    public List<AuditRecord> audit(String realm, AuditQuery query) {
        HttpResponse<String> response = auditResponse(realm, query, Optional.of(accessToken()));
        if (response.statusCode() != 200) {
            throw new AssertionError("GET audit of " + realm + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        try {
            return JSON.readValue(response.body(), new TypeReference<List<AuditRecord>>() { });
        } catch (JsonProcessingException e) {
            throw new AssertionError("Audit endpoint of " + realm + " did not return a JSON array: "
                    + response.body(), e);
        }
    }

    /** The raw answer of the audit endpoint with any bearer token, or none, for authorization tests. */
    public HttpResponse<String> auditResponse(String realm, AuditQuery query, Optional<String> bearerToken) {
        URI uri = URI.create(baseUrl + "/admin/realms/" + encode(realm) + "/sspr/audit" + query.queryString());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET();
        bearerToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return send(request.build());
    }

    /** The notification outbox as the master admin sees it, newest first; {@code query} like {@code ?status=SENT}. */
    public List<OutboxRow> outbox(String realm, String query) {
        HttpResponse<String> response = outboxResponse(realm, query, Optional.of(accessToken()));
        if (response.statusCode() != 200) {
            throw new AssertionError("GET outbox of " + realm + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        try {
            return JSON.readValue(response.body(), new TypeReference<List<OutboxRow>>() { });
        } catch (JsonProcessingException e) {
            throw new AssertionError("Outbox endpoint of " + realm + " did not return a JSON array: "
                    + response.body(), e);
        }
    }

    /** The raw answer of the outbox endpoint with any bearer token, or none, for validation and authorization tests. */
    public HttpResponse<String> outboxResponse(String realm, String query, Optional<String> bearerToken) {
        URI uri = URI.create(baseUrl + "/admin/realms/" + encode(realm) + "/sspr/outbox" + query);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET();
        bearerToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return send(request.build());
    }

    /**
     * An access token for a user of {@code realm}, via the password grant of the realm's {@code admin-cli}
     * client: lets a test call an admin endpoint as someone who is not an admin.
     */
    public String userAccessToken(String realm, String username, String password) {
        String form = "grant_type=password&client_id=admin-cli&username=" + encode(username)
                + "&password=" + encode(password);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/realms/" + encode(realm) + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new AssertionError("Password grant for " + username + " in " + realm + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError("Token endpoint did not return JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + request.uri(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        keycloak.close();
    }
}
