package io.github.keycloaksspr.it.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio's REST API 2010-04-01 on loopback, for the two resources the extension uses: {@code POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json} and {@code .../Calls.json}. It checks basic auth against its own
 * SID and token, records every request, and answers with JSON shaped like Twilio's, so the official SDK reads it as
 * it reads Twilio. Tests queue failures and delays for the next requests and wait for texts and calls to a number
 * the way {@link MailServer} lets them wait for mail.
 */
public final class TwilioDouble implements AutoCloseable {

    public static final String DEFAULT_ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String DEFAULT_AUTH_TOKEN = "00000000000000000000000000000001";

    private static final Pattern RESOURCE = Pattern.compile("/2010-04-01/Accounts/([^/]+)/(Messages|Calls)\\.json");
    /** Twilio's date format, e.g. {@code Thu, 24 Aug 2023 05:01:45 +0000}. */
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String accountSid;
    private final String authToken;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<TwilioRequest> requests = new CopyOnWriteArrayList<>();
    private final List<TwilioRequest> undelivered = new ArrayList<>();
    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final Queue<Duration> delays = new ConcurrentLinkedQueue<>();

    private TwilioDouble(String accountSid, String authToken) throws IOException {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Ports.free()), 0);
        // one thread per request, so a delayed answer does not hold up the next request
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "twilio-double");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static TwilioDouble start() {
        return start(DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN);
    }

    public static TwilioDouble start(String accountSid, String authToken) {
        try {
            return new TwilioDouble(accountSid, authToken);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Twilio double", e);
        }
    }

    /** What to configure as the API base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    public String accountSid() {
        return accountSid;
    }

    public String authToken() {
        return authToken;
    }

    /** Answers the next request that passed auth with {@code httpStatus} and Twilio's JSON error; queue several to fail several. */
    public void failNext(int httpStatus, int twilioCode, String message) {
        failures.add(new Failure(httpStatus, twilioCode, message));
    }

    /** Answers the next request with {@code httpStatus} and an HTML page, as a proxy in front of Twilio would. */
    public void failNext(int httpStatus) {
        failures.add(new Failure(httpStatus, 0, ""));
    }

    /** Waits {@code delay} before answering the next request, to make a client time out. */
    public void delayNext(Duration delay) {
        delays.add(delay);
    }

    /** Every request received so far, accepted or not, oldest first. */
    public List<TwilioRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * Takes the oldest accepted text or call to {@code to} that no earlier call took, waiting for it if none has
     * arrived yet.
     */
    public TwilioRequest awaitNextTo(String to, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (undelivered) {
            while (true) {
                for (TwilioRequest request : undelivered) {
                    if (to.equals(request.to())) {
                        undelivered.remove(request);
                        return request;
                    }
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError("Expected a text or call to " + to + " within " + timeout.toSeconds()
                            + " s; requests received: " + requests.stream()
                                    .map(r -> r.kind() + " to " + r.to() + " -> " + r.status()).toList());
                }
                try {
                    undelivered.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Twilio requests", e);
                }
            }
        }
    }

    /** Forgets requests, queued failures and delays, so a test sees only what its own steps caused. */
    public void reset() {
        requests.clear();
        failures.clear();
        delays.clear();
        synchronized (undelivered) {
            undelivered.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher resource = RESOURCE.matcher(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !resource.matches()) {
                answer(exchange, 404, error(20404, "The requested resource " + exchange.getRequestURI().getPath()
                        + " was not found", 404));
                return;
            }
            Map<String, List<String>> form = form(exchange.getRequestBody());
            boolean authenticated = authenticated(exchange.getRequestHeaders().getFirst("Authorization"));
            String account = resource.group(1);
            TwilioRequest.Kind kind = resource.group(2).equals("Messages")
                    ? TwilioRequest.Kind.MESSAGE : TwilioRequest.Kind.CALL;
            Answer answer = answerFor(kind, account, authenticated, form);
            TwilioRequest request = new TwilioRequest(kind, account, authenticated, answer.status(),
                    first(form, "To"), first(form, "From"), first(form, "MessagingServiceSid"), first(form, "Body"),
                    first(form, "Twiml"), first(form, "SendDigits"), form);
            requests.add(request);
            Duration delay = delays.poll();
            if (delay != null) {
                sleep(delay);
            }
            if (request.accepted()) {
                synchronized (undelivered) {
                    undelivered.add(request);
                    undelivered.notifyAll();
                }
            }
            answer(exchange, answer.status(), answer.body());
        } catch (IOException e) {
            // the client gave up (a timeout test) before the answer went out
        }
    }

    private Answer answerFor(TwilioRequest.Kind kind, String account, boolean authenticated,
            Map<String, List<String>> form) throws JsonProcessingException {
        if (!authenticated) {
            return new Answer(401, error(20003, "Authenticate", 401));
        }
        if (!account.equals(accountSid)) {
            return new Answer(404, error(20404, "The requested resource /2010-04-01/Accounts/" + account
                    + " was not found", 404));
        }
        Failure failure = failures.poll();
        if (failure != null) {
            return new Answer(failure.status(), failure.code() == 0
                    ? "<html><body><h1>" + failure.status() + "</h1></body></html>"
                    : error(failure.code(), failure.message(), failure.status()));
        }
        return new Answer(201, kind == TwilioRequest.Kind.MESSAGE ? message(form) : call(form));
    }

    private String message(Map<String, List<String>> form) throws JsonProcessingException {
        String sid = sid("SM");
        String now = RFC_2822.format(Instant.now());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("api_version", "2010-04-01");
        json.put("body", first(form, "Body"));
        json.put("date_created", now);
        json.put("date_sent", null);
        json.put("date_updated", now);
        json.put("direction", "outbound-api");
        json.put("error_code", null);
        json.put("error_message", null);
        json.put("from", first(form, "From"));
        json.put("messaging_service_sid", first(form, "MessagingServiceSid"));
        json.put("num_media", "0");
        json.put("num_segments", "1");
        json.put("price", null);
        json.put("price_unit", "USD");
        json.put("sid", sid);
        json.put("status", first(form, "MessagingServiceSid") == null ? "queued" : "accepted");
        json.put("subresource_uris", Map.of("media", path("Messages", sid) + "/Media.json"));
        json.put("to", first(form, "To"));
        json.put("uri", path("Messages", sid) + ".json");
        return JSON.writeValueAsString(json);
    }

    private String call(Map<String, List<String>> form) throws JsonProcessingException {
        String sid = sid("CA");
        String now = RFC_2822.format(Instant.now());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("answered_by", null);
        json.put("api_version", "2010-04-01");
        json.put("caller_name", null);
        json.put("date_created", now);
        json.put("date_updated", now);
        json.put("direction", "outbound-api");
        json.put("duration", null);
        json.put("end_time", null);
        json.put("forwarded_from", null);
        json.put("from", first(form, "From"));
        json.put("from_formatted", first(form, "From"));
        json.put("group_sid", null);
        json.put("parent_call_sid", null);
        json.put("phone_number_sid", sid("PN"));
        json.put("price", null);
        json.put("price_unit", "USD");
        json.put("queue_time", "0");
        json.put("sid", sid);
        json.put("start_time", null);
        json.put("status", "queued");
        json.put("subresource_uris", Map.of("notifications", path("Calls", sid) + "/Notifications.json"));
        json.put("to", first(form, "To"));
        json.put("to_formatted", first(form, "To"));
        json.put("trunk_sid", null);
        json.put("uri", path("Calls", sid) + ".json");
        return JSON.writeValueAsString(json);
    }

    private String path(String resource, String sid) {
        return "/2010-04-01/Accounts/" + accountSid + "/" + resource + "/" + sid;
    }

    private static String error(int code, String message, int status) throws JsonProcessingException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code);
        json.put("message", message);
        json.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        json.put("status", status);
        return JSON.writeValueAsString(json);
    }

    private boolean authenticated(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        byte[] expected = (accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8);
        try {
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(header.substring(6).trim()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, List<String>> form(InputStream body) throws IOException {
        Map<String, List<String>> form = new LinkedHashMap<>();
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return form;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String sid(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                body.startsWith("<") ? "text/html; charset=utf-8" : "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Failure(int status, int code, String message) {
    }

    private record Answer(int status, String body) {
    }
}
