package io.github.keycloaksspr.it.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.keycloaksspr.it.harness.Ports;
import io.github.keycloaksspr.it.harness.TwilioDouble;
import io.github.keycloaksspr.it.harness.TwilioRequest;
import io.github.keycloaksspr.phone.PhoneNumber;
import io.github.keycloaksspr.phone.PhoneNumbers;
import io.github.keycloaksspr.twilio.PhoneSendException;
import io.github.keycloaksspr.twilio.PhoneSendFailure;
import io.github.keycloaksspr.twilio.TwilioGateway;
import io.github.keycloaksspr.twilio.TwilioSettings;
import io.github.keycloaksspr.twilio.VoiceScript;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The real gateway and the official Twilio SDK against the loopback double: no Keycloak, no internet. */
@DisplayName("TwilioGateway against the Twilio double")
final class TwilioGatewayIT {

    private static final String SENDER = "+14155550100";
    private static final String SERVICE = "MG0123456789abcdef0123456789abcdef";
    private static final PhoneNumber MOBILE = phone("+49 151 23456789");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static TwilioDouble twilio;

    @BeforeAll
    static void startDouble() {
        twilio = TwilioDouble.start();
    }

    @AfterAll
    static void stopDouble() {
        twilio.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        twilio.reset();
    }

    @Test
    @DisplayName("Given a sender number, then the SDK posts To, From and Body with basic auth to Messages.json")
    void sendsSms() throws PhoneSendException {
        gateway(Map.of()).sendSms(MOBILE, "Your code is 042917. Zürich ✓");

        TwilioRequest sms = twilio.awaitNextTo("+4915123456789", WAIT);
        assertThat(sms.kind()).isEqualTo(TwilioRequest.Kind.MESSAGE);
        assertThat(sms.account()).isEqualTo(TwilioDouble.DEFAULT_ACCOUNT_SID);
        assertThat(sms.authenticated()).isTrue();
        assertThat(sms.form()).isEqualTo(Map.of(
                "To", List.of("+4915123456789"),
                "From", List.of(SENDER),
                "Body", List.of("Your code is 042917. Zürich ✓")));
        assertThat(twilio.requests()).hasSize(1);
    }

    @Test
    @DisplayName("Given a Messaging Service SID, then the SDK sends MessagingServiceSid and no From")
    void sendsSmsThroughMessagingService() throws PhoneSendException {
        gateway(Map.of(TwilioSettings.FROM, SERVICE)).sendSms(MOBILE, "Your code is 1234");

        TwilioRequest sms = twilio.awaitNextTo("+4915123456789", WAIT);
        assertThat(sms.form()).isEqualTo(Map.of(
                "To", List.of("+4915123456789"),
                "MessagingServiceSid", List.of(SERVICE),
                "Body", List.of("Your code is 1234")));
        assertThat(sms.from()).isNull();
    }

    @Test
    @DisplayName("Given a call, then the SDK posts To, From and the TwiML to Calls.json, without SendDigits")
    void placesCall() throws PhoneSendException {
        String twiml = VoiceScript.forCode("Your verification code is", "042917", Locale.US);

        gateway(Map.of()).call(MOBILE, twiml);

        TwilioRequest call = twilio.awaitNextTo("+4915123456789", WAIT);
        assertThat(call.kind()).isEqualTo(TwilioRequest.Kind.CALL);
        assertThat(call.form()).isEqualTo(Map.of(
                "To", List.of("+4915123456789"),
                "From", List.of(SENDER),
                "Twiml", List.of(twiml)));
        assertThat(call.twiml()).contains("<Say language=\"en-US\">0, 4, 2, 9, 1, 7</Say>");
    }

    @Test
    @DisplayName("Given an office number with an extension, then the call dials it with SendDigits after a wait")
    void dialsExtension() throws PhoneSendException {
        PhoneNumber office = phone("+49 30 1234567 ext. 89");

        gateway(Map.of()).call(office, "<Response><Say>Hi</Say></Response>");

        TwilioRequest call = twilio.awaitNextTo("+49301234567", WAIT);
        assertThat(call.sendDigits()).isEqualTo("ww89");
        assertThat(call.to()).isEqualTo("+49301234567");
    }

    @Test
    @DisplayName("Given a Messaging Service and no sender number, then a call fails as CONFIGURATION without a request")
    void callNeedsSenderNumber() {
        assertFailure(() -> gateway(Map.of(TwilioSettings.FROM, SERVICE)).call(MOBILE, "<Response/>"),
                PhoneSendFailure.CONFIGURATION, "no-sender-number");
        assertThat(twilio.requests()).isEmpty();
    }

    @Test
    @DisplayName("Given a wrong auth token, then the double refuses with 20003 and the gateway reports CONFIGURATION")
    void wrongToken() {
        assertFailure(() -> gateway(Map.of(TwilioSettings.AUTH_TOKEN, "wrong-token")).sendSms(MOBILE, "x"),
                PhoneSendFailure.CONFIGURATION, "20003");
        assertThat(twilio.requests()).singleElement()
                .returns(false, TwilioRequest::authenticated).returns(401, TwilioRequest::status);
    }

    @Test
    @DisplayName("Given Twilio's 21211, then INVALID_NUMBER, and the exception never carries the body")
    void invalidNumber() {
        twilio.failNext(400, 21211, "The 'To' number +4915123456789 is not a valid phone number.");

        PhoneSendException e = assertFailure(() -> gateway(Map.of()).sendSms(MOBILE, "Your code is 042917"),
                PhoneSendFailure.INVALID_NUMBER, "21211");

        assertThat(e.getMessage()).doesNotContain("042917").doesNotContain("+4915123456789");
    }

    @Test
    @DisplayName("Given Twilio's 20429 Too Many Requests, then RATE_LIMITED")
    void rateLimited() {
        twilio.failNext(429, 20429, "Too Many Requests");

        assertFailure(() -> gateway(Map.of()).sendSms(MOBILE, "x"), PhoneSendFailure.RATE_LIMITED, "20429");
    }

    @Test
    @DisplayName("Given HTTP 500 with Twilio's JSON, then PROVIDER_ERROR with Twilio's code and exactly one attempt")
    void serverError() {
        twilio.failNext(500, 20500, "Internal Server Error");
        twilio.failNext(500, 20500, "Internal Server Error");

        assertFailure(() -> gateway(Map.of()).call(MOBILE, "<Response/>"), PhoneSendFailure.PROVIDER_ERROR, "20500");
        assertThat(twilio.requests()).hasSize(1);
    }

    @Test
    @DisplayName("Given HTTP 503 with an HTML page, then PROVIDER_ERROR with provider code http-503")
    void unavailable() {
        twilio.failNext(503);

        assertFailure(() -> gateway(Map.of()).sendSms(MOBILE, "x"), PhoneSendFailure.PROVIDER_ERROR, "http-503");
    }

    @Test
    @DisplayName("Given a 1 s timeout and a 3 s delay, then TIMEOUT well before the answer would come")
    void timeout() {
        twilio.delayNext(Duration.ofSeconds(3));
        long started = System.nanoTime();

        assertFailure(() -> gateway(Map.of(TwilioSettings.TIMEOUT, "1")).sendSms(MOBILE, "x"),
                PhoneSendFailure.TIMEOUT, "timeout");

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(2000));
    }

    @Test
    @DisplayName("Given nothing listening at the base URL, then PROVIDER_ERROR with provider code connection")
    void nothingListening() {
        String closed = "http://127.0.0.1:" + Ports.free();

        assertFailure(() -> gateway(Map.of(TwilioSettings.API_BASE_URL, closed)).sendSms(MOBILE, "x"),
                PhoneSendFailure.PROVIDER_ERROR, "connection");
    }

    private static PhoneSendException assertFailure(ThrowingCallable send, PhoneSendFailure failure, String code) {
        Throwable thrown = catchThrowable(send);
        assertThat(thrown).isInstanceOf(PhoneSendException.class);
        PhoneSendException e = (PhoneSendException) thrown;
        assertThat(e.failure()).isEqualTo(failure);
        assertThat(e.providerCode()).isEqualTo(code);
        return e;
    }

    private static TwilioGateway gateway(Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>();
        config.put(TwilioSettings.ACCOUNT_SID, twilio.accountSid());
        config.put(TwilioSettings.AUTH_TOKEN, twilio.authToken());
        config.put(TwilioSettings.FROM, SENDER);
        config.put(TwilioSettings.API_BASE_URL, twilio.baseUrl());
        config.putAll(overrides);
        return new TwilioGateway(TwilioSettings.parse(config, UnaryOperator.identity()).settings().orElseThrow());
    }

    private static PhoneNumber phone(String raw) {
        return PhoneNumbers.parse(raw, null).number().orElseThrow();
    }
}
