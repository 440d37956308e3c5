package io.github.keycloaksspr.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioSettingsTest {

    static final String SID = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "s3cr3t-token-value-0123456789abcd";
    static final String SERVICE = "MG0123456789abcdef0123456789abcdef";
    private static final UnaryOperator<String> PLAIN = UnaryOperator.identity();

    @Test
    @DisplayName("Given a complete config with a sender number, then every value is read and the defaults apply")
    void complete() {
        ParsedTwilioSettings parsed = TwilioSettings.parse(config(), PLAIN);

        assertThat(parsed.problems()).isEmpty();
        TwilioSettings settings = parsed.settings().orElseThrow();
        assertThat(settings.accountSid()).isEqualTo(SID);
        assertThat(settings.authToken()).isEqualTo(TOKEN);
        assertThat(settings.senderNumber()).contains("+14155550100");
        assertThat(settings.messagingServiceSid()).isEmpty();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.apiBaseUrl()).isEmpty();
    }

    @Test
    @DisplayName("Given a Messaging Service SID, a timeout and a base URL with a slash, then they are read")
    void messagingServiceAndOverrides() {
        Map<String, String> config = config();
        config.put(TwilioSettings.FROM, SERVICE);
        config.put(TwilioSettings.TIMEOUT, " 30 ");
        config.put(TwilioSettings.API_BASE_URL, "http://127.0.0.1:8123/");

        TwilioSettings settings = TwilioSettings.parse(config, PLAIN).settings().orElseThrow();

        assertThat(settings.messagingServiceSid()).contains(SERVICE);
        assertThat(settings.senderNumber()).isEmpty();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.apiBaseUrl()).contains(URI.create("http://127.0.0.1:8123"));
    }

    @Test
    @DisplayName("Given nothing saved, then the SID, token and sender are each reported missing")
    void nothingSaved() {
        ParsedTwilioSettings parsed = TwilioSettings.parse(null, PLAIN);

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problems()).containsExactly(
                "Twilio account SID is required.",
                "Twilio auth token is required.",
                "Twilio sender is required: a phone number such as +14155550100 or a Messaging Service SID.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AC123", "SK0123456789abcdef0123456789abcdef", "AC0123456789abcdef0123456789abcdeg"})
    @DisplayName("Given an account SID that is not AC plus 32 hex characters, then it is reported")
    void badAccountSid(String sid) {
        assertThat(problemsWith(TwilioSettings.ACCOUNT_SID, sid))
                .containsExactly("Twilio account SID must be AC followed by 32 hexadecimal characters.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4155550100", "+0155550100", "MG123", "Contoso", "+1 415 555 0100"})
    @DisplayName("Given a sender that is neither an E.164 number nor a Messaging Service SID, then it is reported")
    void badSender(String from) {
        assertThat(problemsWith(TwilioSettings.FROM, from)).singleElement().asString()
                .startsWith("Twilio sender must be a phone number in international form");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "31", "five", "-1", "2.5"})
    @DisplayName("Given a timeout outside 1..30 seconds, then it is reported")
    void badTimeout(String timeout) {
        assertThat(problemsWith(TwilioSettings.TIMEOUT, timeout))
                .containsExactly("Twilio timeout must be between 1 and 30 seconds.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org", "example.org", "https://", "http://127.0.0.1/x?y=1",
            "https://u:p@localhost/", "http://localhost/#f", "http:// space", "https://relay.example.org",
            "http://api.twilio.com", "https://twilio.com.evil.example", "http://10.0.0.5:8080"})
    @DisplayName("Given an API base URL that is neither Twilio over https nor this machine, then it is reported: "
            + "the token must not travel anywhere else")
    void badBaseUrl(String url) {
        assertThat(problemsWith(TwilioSettings.API_BASE_URL, url)).containsExactly(
                "Twilio API base URL must be an https:// URL on twilio.com, or a URL on this machine "
                        + "(localhost, 127.0.0.1, [::1]), without query or credentials.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.twilio.com", "https://edge.us1.twilio.com/", "http://localhost:8080",
            "http://127.0.0.1:9000", "http://[::1]:9000"})
    @DisplayName("Given Twilio over https or a URL on this machine, then the override is accepted")
    void goodBaseUrl(String url) {
        Map<String, String> config = config();
        config.put(TwilioSettings.API_BASE_URL, url);
        assertThat(TwilioSettings.parse(config, PLAIN).problems()).isEmpty();
    }

    @Test
    @DisplayName("Given a vault reference, then the resolver's value becomes the token")
    void vaultReference() {
        Map<String, String> config = config();
        config.put(TwilioSettings.AUTH_TOKEN, "${vault.twilio_token}");

        TwilioSettings settings = TwilioSettings.parse(config,
                stored -> stored.equals("${vault.twilio_token}") ? TOKEN : null).settings().orElseThrow();

        assertThat(settings.authToken()).isEqualTo(TOKEN);
    }

    @Test
    @DisplayName("Given a vault reference with no entry, then it is reported without the reference or a token")
    void missingVaultEntry() {
        Map<String, String> config = config();
        config.put(TwilioSettings.AUTH_TOKEN, "${vault.twilio_token}");

        ParsedTwilioSettings parsed = TwilioSettings.parse(config, stored -> null);

        assertThat(parsed.problems()).containsExactly(
                "Twilio auth token refers to a vault entry that does not exist or is empty.");
    }

    @Test
    @DisplayName("Given every problem at once, then no problem text and no toString contains the token")
    void tokenNeverShown() {
        Map<String, String> config = config();
        config.put(TwilioSettings.ACCOUNT_SID, TOKEN);
        config.put(TwilioSettings.FROM, TOKEN);
        config.put(TwilioSettings.TIMEOUT, TOKEN);
        config.put(TwilioSettings.API_BASE_URL, TOKEN);

        assertThat(TwilioSettings.parse(config, PLAIN).problems()).hasSize(4)
                .allSatisfy(problem -> assertThat(problem).doesNotContain(TOKEN));
        assertThat(TwilioSettings.parse(config(), PLAIN).settings().orElseThrow().toString())
                .contains(SID).contains("authToken=***").doesNotContain(TOKEN);
    }

    static Map<String, String> config() {
        Map<String, String> config = new HashMap<>();
        config.put(TwilioSettings.ACCOUNT_SID, SID);
        config.put(TwilioSettings.AUTH_TOKEN, TOKEN);
        config.put(TwilioSettings.FROM, "+14155550100");
        return config;
    }

    private static List<String> problemsWith(String key, String value) {
        Map<String, String> config = config();
        config.put(key, value);
        ParsedTwilioSettings parsed = TwilioSettings.parse(config, PLAIN);
        assertThat(parsed.settings()).isEmpty();
        return parsed.problems();
    }
}
