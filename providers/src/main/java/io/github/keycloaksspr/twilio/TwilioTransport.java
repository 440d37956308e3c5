package io.github.keycloaksspr.twilio;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

import com.twilio.Twilio;
import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpUtility;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * Carries the SDK's requests over the JDK's HTTP client. The SDK's own client overrides every request's connect
 * timeout with its 30.5 s default, and the verification page cannot wait that long; here the configured timeout
 * bounds both connecting and the wait for Twilio's answer. It also sends {@code *.twilio.com} requests to the
 * configured API base URL. One instance serves one request, so {@link #lastStatus()} belongs to that request.
 */
final class TwilioTransport extends com.twilio.http.HttpClient {

    private final HttpClient http;
    private final TwilioSettings settings;
    private Integer lastStatus;

    TwilioTransport(HttpClient http, TwilioSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /**
     * One attempt only. The SDK would retry a 5xx three times, which can triple the wait on the verification page
     * and may text the same code twice; the user can ask for a new code instead.
     */
    @Override
    public Response reliableRequest(Request request) {
        return reliableRequest(request, RETRY_CODES, 1, 0);
    }

    @Override
    public Response makeRequest(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target(request.constructURL().toString()))
                .timeout(settings.timeout())
                .header("X-Twilio-Client", "java-" + Twilio.VERSION)
                .header("User-Agent", HttpUtility.getUserAgentString(request.getUserAgentExtensions(), true))
                .header("Accept", "application/json");
        if (request.requiresAuthentication()) {
            builder.header("Authorization", request.getAuthString());
        }
        request.getHeaderParams().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        builder.method(request.getMethod().toString(), body(request, builder));
        try {
            HttpResponse<String> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            lastStatus = response.statusCode();
            return new Response(response.body(), response.statusCode(), headers(response));
        } catch (IOException e) {
            throw new ApiConnectionException("Twilio request failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("Interrupted while waiting for Twilio", e);
        }
    }

    /** The HTTP status of the answer, if one came; the SDK drops it when an error answer has no JSON body. */
    OptionalInt lastStatus() {
        return lastStatus == null ? OptionalInt.empty() : OptionalInt.of(lastStatus);
    }

    URI target(String sdkUrl) {
        URI original = URI.create(sdkUrl);
        Optional<URI> base = settings.apiBaseUrl();
        String host = original.getHost() == null ? "" : original.getHost().toLowerCase(Locale.ROOT);
        if (base.isEmpty() || !(host.equals("twilio.com") || host.endsWith(".twilio.com"))) {
            return original;
        }
        String query = original.getRawQuery() == null ? "" : "?" + original.getRawQuery();
        return URI.create(base.get() + original.getRawPath() + query);
    }

    private static HttpRequest.BodyPublisher body(Request request, HttpRequest.Builder builder) {
        String method = request.getMethod().toString();
        if (method.equals("GET") || method.equals("DELETE")) {
            return HttpRequest.BodyPublishers.noBody();
        }
        if (request.getContentType() != null
                && EnumConstants.ContentType.JSON.getValue().equals(request.getContentType().getValue())) {
            builder.header("Content-Type", EnumConstants.ContentType.JSON.getValue());
            return HttpRequest.BodyPublishers.ofString(request.getBody(), StandardCharsets.UTF_8);
        }
        builder.header("Content-Type", EnumConstants.ContentType.FORM_URLENCODED.getValue());
        return HttpRequest.BodyPublishers.ofString(form(request.getPostParams()), StandardCharsets.UTF_8);
    }

    private static String form(Map<String, List<String>> params) {
        return params.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream()
                        .map(value -> encode(entry.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Header[] headers(HttpResponse<?> response) {
        List<Header> headers = new ArrayList<>();
        response.headers().map().forEach((name, values) ->
                values.forEach(value -> headers.add(new BasicHeader(name, value))));
        return headers.toArray(Header[]::new);
    }
}
