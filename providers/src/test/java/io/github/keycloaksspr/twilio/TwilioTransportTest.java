package io.github.keycloaksspr.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TwilioTransportTest {

    private static final String MESSAGES =
            "https://api.twilio.com/2010-04-01/Accounts/" + TwilioSettingsTest.SID + "/Messages.json";

    @Test
    @DisplayName("Given an API base URL, then Twilio hosts are sent there with path and query kept")
    void rewritesTwilioHosts() {
        TwilioTransport transport = transport(Optional.of(URI.create("http://127.0.0.1:8123/twilio")));

        assertThat(transport.target(MESSAGES)).isEqualTo(URI.create(
                "http://127.0.0.1:8123/twilio/2010-04-01/Accounts/" + TwilioSettingsTest.SID + "/Messages.json"));
        assertThat(transport.target("https://api.dublin.ie1.twilio.com/v1/Things?Page=2&To=%2B1"))
                .isEqualTo(URI.create("http://127.0.0.1:8123/twilio/v1/Things?Page=2&To=%2B1"));
    }

    @Test
    @DisplayName("Given an API base URL, then hosts outside twilio.com are left alone")
    void leavesOtherHosts() {
        TwilioTransport transport = transport(Optional.of(URI.create("http://127.0.0.1:8123")));

        assertThat(transport.target("https://example.org/x")).isEqualTo(URI.create("https://example.org/x"));
        assertThat(transport.target("https://eviltwilio.com/x")).isEqualTo(URI.create("https://eviltwilio.com/x"));
    }

    @Test
    @DisplayName("Given no API base URL, then requests go to Twilio unchanged")
    void noBaseUrl() {
        assertThat(transport(Optional.empty()).target(MESSAGES)).isEqualTo(URI.create(MESSAGES));
    }

    private static TwilioTransport transport(Optional<URI> baseUrl) {
        TwilioSettings settings = new TwilioSettings(TwilioSettingsTest.SID, TwilioSettingsTest.TOKEN, "+14155550100",
                Duration.ofSeconds(5), baseUrl);
        return new TwilioTransport(HttpClient.newHttpClient(), settings);
    }
}
