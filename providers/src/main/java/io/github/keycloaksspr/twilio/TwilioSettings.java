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

    private static Optional<URI> apiBaseUrl(String raw, List<String> problems) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add("Twilio API base URL must be an http:// or https:// URL without query or credentials.");
        return Optional.empty();
    }
}
