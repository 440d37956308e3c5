package io.github.keycloaksspr.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.OptionalInt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;

class TwilioErrorsTest {

    @ParameterizedTest(name = "Twilio {0} with HTTP {1} is {2} ({3})")
    @CsvSource({
        "21211, 400, INVALID_NUMBER, 21211",
        "21614, 400, INVALID_NUMBER, 21614",
        "20429, 429, RATE_LIMITED, 20429",
        "14107, 400, RATE_LIMITED, 14107",
        "20003, 401, CONFIGURATION, 20003",
        "21606, 400, CONFIGURATION, 21606",
        "20500, 500, PROVIDER_ERROR, 20500",
        "21610, 400, REJECTED, 21610",
        "99999, 403, CONFIGURATION, 99999",
    })
    @DisplayName("Given Twilio's JSON error, then its code picks the failure and is the provider code")
    void withTwilioCode(int code, int status, PhoneSendFailure failure, String providerCode) {
        PhoneSendException e = TwilioErrors.refused(
                new ApiException("The 'To' number +14155550100 is not valid", code, "", status, null),
                OptionalInt.empty());

        assertThat(e.failure()).isEqualTo(failure);
        assertThat(e.providerCode()).isEqualTo(providerCode);
        assertThat(e.getMessage()).doesNotContain("+14155550100");
        assertThat(e.getCause()).isNull();
    }

    @ParameterizedTest(name = "HTTP {0} without a body is {1}")
    @CsvSource({"503, PROVIDER_ERROR", "500, PROVIDER_ERROR", "429, RATE_LIMITED", "401, CONFIGURATION",
        "404, REJECTED"})
    @DisplayName("Given an error answer without JSON, then the HTTP status the transport saw decides")
    void withoutBody(int status, PhoneSendFailure failure) {
        PhoneSendException e = TwilioErrors.refused(new ApiException("No content to map"), OptionalInt.of(status));

        assertThat(e.failure()).isEqualTo(failure);
        assertThat(e.providerCode()).isEqualTo("http-" + status);
    }

    @Test
    @DisplayName("Given a request timeout or a connect timeout, then TIMEOUT with provider code timeout")
    void timeout() {
        assertThat(TwilioErrors.unreachable(new ApiConnectionException("x", new HttpTimeoutException("t"))))
                .returns(PhoneSendFailure.TIMEOUT, PhoneSendException::failure)
                .returns("timeout", PhoneSendException::providerCode);
        assertThat(TwilioErrors.unreachable(new ApiConnectionException("x", new HttpConnectTimeoutException("t"))))
                .returns(PhoneSendFailure.TIMEOUT, PhoneSendException::failure);
    }

    @Test
    @DisplayName("Given a refused connection, then PROVIDER_ERROR with provider code connection")
    void connectionRefused() {
        IOException refused = new ConnectException("Connection refused");

        assertThat(TwilioErrors.unreachable(new ApiConnectionException("x", refused)))
                .returns(PhoneSendFailure.PROVIDER_ERROR, PhoneSendException::failure)
                .returns("connection", PhoneSendException::providerCode);
    }
}
