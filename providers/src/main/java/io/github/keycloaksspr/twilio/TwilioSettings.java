package io.github.keycloaksspr.twilio;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The Twilio account the phone methods send through. {@link #parse} reads it from an authenticator config, where
 * the token may be a vault reference; {@link #toString()} never prints the token.
 *
 * @param from       an E.164 sender number, or a Messaging Service SID ({@code MG...}) that picks the sender
 * @param apiBaseUrl where to send Twilio's REST calls instead of {@code https://api.twilio.com}; tests use it
 */
public record TwilioSettings(String accountSid, String authToken, String from, Duration timeout,
        Optional<URI> apiBaseUrl) {

    public static final String ACCOUNT_SID = "sspr.twilio.account-sid";
    public static final String AUTH_TOKEN = "sspr.twilio.auth-token";
    public static final String FROM = "sspr.twilio.from";
    public static final String TIMEOUT = "sspr.twilio.timeout-seconds";
    public static final String API_BASE_URL = "sspr.twilio.api-base-url";

    static final int DEFAULT_TIMEOUT_SECONDS = 5;
    static final int MIN_TIMEOUT_SECONDS = 1;
    static final int MAX_TIMEOUT_SECONDS = 30;

    private static final Pattern ACCOUNT_SID_FORMAT = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final Pattern MESSAGING_SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");
    private static final Pattern SENDER_NUMBER = Pattern.compile("\\+[1-9]\\d{1,14}");

    public TwilioSettings {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
    }

    /**
     * Reads and checks the {@code sspr.twilio.*} keys; {@code config} may be null when nothing was saved.
     *
     * @param secretResolver turns the stored token (a value or a {@code ${vault.key}} reference) into the token, or
     *                       null when the vault has no such entry; see {@link TwilioSecrets#resolver}
     */
    public static ParsedTwilioSettings parse(Map<String, String> config, UnaryOperator<String> secretResolver) {
        Map<String, String> values = config == null ? Map.of() : config;
        List<String> problems = new ArrayList<>();

        String accountSid = values.getOrDefault(ACCOUNT_SID, "").trim();
        if (accountSid.isEmpty()) {
            problems.add("Twilio account SID is required.");
        } else if (!ACCOUNT_SID_FORMAT.matcher(accountSid).matches()) {
            problems.add("Twilio account SID must be AC followed by 32 hexadecimal characters.");
        }
        String authToken = authToken(values.getOrDefault(AUTH_TOKEN, "").trim(), secretResolver, problems);
        String from = values.getOrDefault(FROM, "").trim();
        if (from.isEmpty()) {
            problems.add("Twilio sender is required: a phone number such as +14155550100 or a Messaging Service SID.");
        } else if (!SENDER_NUMBER.matcher(from).matches() && !MESSAGING_SERVICE_SID.matcher(from).matches()) {
            problems.add("Twilio sender must be a phone number in international form such as +14155550100, or a "
                    + "Messaging Service SID: MG followed by 32 hexadecimal characters.");
        }
        Duration timeout = timeout(values.get(TIMEOUT), problems);
        Optional<URI> apiBaseUrl = apiBaseUrl(values.getOrDefault(API_BASE_URL, "").trim(), problems);

        if (!problems.isEmpty()) {
            return new ParsedTwilioSettings(Optional.empty(), problems);
        }
        return new ParsedTwilioSettings(
                Optional.of(new TwilioSettings(accountSid, authToken, from, timeout, apiBaseUrl)), List.of());
    }

    /** The sender number, unless {@code from} is a Messaging Service; calls need one. */
    public Optional<String> senderNumber() {
        return SENDER_NUMBER.matcher(from).matches() ? Optional.of(from) : Optional.empty();
    }

    public Optional<String> messagingServiceSid() {
        return MESSAGING_SERVICE_SID.matcher(from).matches() ? Optional.of(from) : Optional.empty();
    }

    @Override
    public String toString() {
        return "TwilioSettings[accountSid=" + accountSid + ", authToken=***, from=" + from + ", timeout=" + timeout
                + ", apiBaseUrl=" + apiBaseUrl.map(URI::toString).orElse("default") + "]";
    }

    private static String authToken(String stored, UnaryOperator<String> secretResolver, List<String> problems) {
        if (stored.isEmpty()) {
            problems.add("Twilio auth token is required.");
            return "";
        }
        String token = secretResolver.apply(stored);
        if (token == null || token.isBlank()) {
            problems.add("Twilio auth token refers to a vault entry that does not exist or is empty.");
            return "";
        }
        return token.trim();
    }

    private static Duration timeout(String raw, List<String> problems) {
        if (raw == null || raw.isBlank()) {
            return Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
        }
        try {
            int seconds = Integer.parseInt(raw.trim());
            if (seconds >= MIN_TIMEOUT_SECONDS && seconds <= MAX_TIMEOUT_SECONDS) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("Twilio timeout must be between " + MIN_TIMEOUT_SECONDS + " and " + MAX_TIMEOUT_SECONDS
                + " seconds.");
        return Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    }

    /**
     * The token travels with every request, so the override may only point at this machine (a test double or a
     * local relay) or at Twilio itself over https: a realm admin must not be able to send a vault-held token
     * elsewhere.
     */
    private static Optional<URI> apiBaseUrl(String raw, List<String> problems) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean wellFormed = (scheme.equals("http") || scheme.equals("https")) && !host.isEmpty()
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            boolean twilio = scheme.equals("https") && (host.equals("twilio.com") || host.endsWith(".twilio.com"));
            if (wellFormed && (twilio || isLoopback(host))) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add("Twilio API base URL must be an https:// URL on twilio.com, or a URL on this machine "
                + "(localhost, 127.0.0.1, [::1]), without query or credentials.");
        return Optional.empty();
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }
}
