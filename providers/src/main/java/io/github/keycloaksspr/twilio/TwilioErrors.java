package io.github.keycloaksspr.twilio;

import java.net.http.HttpTimeoutException;
import java.util.OptionalInt;
import java.util.Set;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;

/**
 * Sorts Twilio's refusals into {@link PhoneSendFailure}s. The codes are Twilio's documented REST errors
 * (twilio.com/docs/api/errors); Twilio's own error text is dropped because it may quote the phone number.
 */
final class TwilioErrors {

    /** Invalid 'To' number, not a valid phone number, not a mobile, unreachable or unsupported destination. */
    static final Set<Integer> INVALID_NUMBER = Set.of(21211, 21217, 21401, 21407, 21421, 21612, 21614, 13223, 13224);
    /** Too many requests; message rate or daily limit reached. */
    static final Set<Integer> RATE_LIMITED = Set.of(20429, 14107, 30022);
    /**
     * Authentication failed, test credentials, resource (account) not found, invalid or unverified sender,
     * geographic permissions, Messaging Service without senders or invalid.
     */
    static final Set<Integer> CONFIGURATION = Set.of(20003, 20008, 20404, 21210, 21212, 21215, 21408, 21606, 21659,
            21703, 21705);

    private TwilioErrors() {
    }

    static PhoneSendException refused(ApiException e, OptionalInt answeredStatus) {
        Integer code = e.getCode();
        int status = e.getStatusCode() != null ? e.getStatusCode() : answeredStatus.orElse(0);
        String providerCode = code != null ? String.valueOf(code) : status > 0 ? "http-" + status : "unknown";
        return new PhoneSendException(failure(code, status), providerCode);
    }

    static PhoneSendException unreachable(ApiConnectionException e) {
        boolean timedOut = e.getCause() instanceof HttpTimeoutException;
        return timedOut
                ? new PhoneSendException(PhoneSendFailure.TIMEOUT, "timeout", e)
                : new PhoneSendException(PhoneSendFailure.PROVIDER_ERROR, "connection", e);
    }

    private static PhoneSendFailure failure(Integer code, int status) {
        if (code != null && INVALID_NUMBER.contains(code)) {
            return PhoneSendFailure.INVALID_NUMBER;
        }
        if (status == 429 || code != null && RATE_LIMITED.contains(code)) {
            return PhoneSendFailure.RATE_LIMITED;
        }
        if (status == 401 || status == 403 || code != null && CONFIGURATION.contains(code)) {
            return PhoneSendFailure.CONFIGURATION;
        }
        if (status >= 500) {
            return PhoneSendFailure.PROVIDER_ERROR;
        }
        return PhoneSendFailure.REJECTED;
    }
}
