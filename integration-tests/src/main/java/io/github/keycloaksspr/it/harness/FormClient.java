package io.github.keycloaksspr.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;

/**
 * A browser without JavaScript: one cookie jar, forms posted as a browser posts them, redirects followed by hand so
 * every hop goes through the same jar. Fast enough to run a reset flow in well under a second.
 */
public final class FormClient {

    /** Sent on every request, so a test can find the browser in what the server recorded. */
    public static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) keycloak-sspr-tests/1.0";
    private static final int MAX_REDIRECTS = 10;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String baseUrl;
    private final CookieJar cookies = new CookieJar();
    private final HttpClient http;

    public FormClient(String baseUrl) {
        this.baseUrl = baseUrl;
        // HTTP/1.1 as browsers speak it to a plain-http Keycloak; the default h2c upgrade can lose response bodies
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The value of cookie {@code name} as the server would receive it at {@code url}. */
    public Optional<String> cookie(String url, String name) {
        return cookies.value(URI.create(absolute(url)), name);
    }

    public Page get(String url) {
        return send(request(URI.create(absolute(url))).GET().build(), null);
    }

    /** One POST, no redirect followed: for tests that compare what the server itself answered, headers included. */
    public HttpResponse<String> postOnce(String url, Map<String, String> fields) {
        return exchange(request(URI.create(absolute(url)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build());
    }

    public Page post(String url, Map<String, String> fields) {
        String body = encode(fields);
        return send(request(URI.create(absolute(url)))
                .header("Content-Type", FORM_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), body);
    }

    /**
     * Opens the account console's sign-in page of {@code realm}, as a user who clicked "Sign in", then follows the
     * "Forgot password?" link and returns the page it leads to: the first page of whatever reset flow is bound.
     */
    public Page startResetFlow(String realm) {
        Page login = get(authorizationUrl(realm));
        if (login.status() != 200) {
            throw new AssertionError("Sign-in page of " + realm + " answered " + login.status() + ": " + login.text());
        }
        Element link = login.document().selectFirst("#kc-forgot-password-link, a[href*=login-actions/reset-credentials]");
        if (link == null) {
            throw new AssertionError("No 'Forgot password?' link on the sign-in page of " + realm
                    + " (is resetPasswordAllowed on?): " + login.text());
        }
        return get(link.absUrl("href"));
    }

    /** The authorization request the account console makes: public client, PKCE with S256. */
    public String authorizationUrl(String realm) {
        String redirect = baseUrl + "/realms/" + realm + "/account/";
        return baseUrl + "/realms/" + realm + "/protocol/openid-connect/auth"
                + "?client_id=account-console&response_type=code&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&state=" + randomToken() + "&nonce=" + randomToken()
                + "&code_challenge=" + codeChallenge(randomToken()) + "&code_challenge_method=S256";
    }

    private Page send(HttpRequest first, String formBody) {
        HttpRequest request = first;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<String> response = exchange(request);
            Optional<String> location = response.headers().firstValue("Location");
            if (!REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
                return new Page(this, response.statusCode(), response.uri(), response.body());
            }
            request = redirected(request, response.statusCode(), response.uri().resolve(location.get()), formBody);
        }
        throw new AssertionError("More than " + MAX_REDIRECTS + " redirects from " + first.uri());
    }

    /** 307 and 308 repeat a POST with its body; every other redirect becomes a GET, as in browsers. */
    private static HttpRequest redirected(HttpRequest previous, int status, URI next, String formBody) {
        HttpRequest.Builder builder = request(next);
        if ((status == 307 || status == 308) && previous.method().equals("POST")) {
            builder.header("Content-Type", FORM_TYPE).POST(HttpRequest.BodyPublishers.ofString(formBody));
        } else {
            builder.GET();
        }
        return builder.build();
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + request.uri(), e);
        }
    }

    private static HttpRequest.Builder request(URI uri) {
        // English pages keep assertions on texts stable whatever the machine's locale.
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Language", "en")
                .header("User-Agent", USER_AGENT);
    }

    private String absolute(String url) {
        return url.startsWith("http://") || url.startsWith("https://") ? url : baseUrl + url;
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String codeChallenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
