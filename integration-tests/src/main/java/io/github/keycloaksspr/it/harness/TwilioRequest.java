package io.github.keycloaksspr.it.harness;

import java.util.List;
import java.util.Map;

/**
 * One request {@link TwilioDouble} received, with the form fields Twilio's Messages and Calls resources read;
 * a field the request did not send is null.
 *
 * @param account       the account SID in the URL path
 * @param authenticated whether HTTP basic auth carried the double's SID and token
 * @param status        the HTTP status the double answered with
 * @param form          every form field as sent, for assertions on fields this record does not name
 */
public record TwilioRequest(Kind kind, String account, boolean authenticated, int status, String to, String from,
        String messagingServiceSid, String body, String twiml, String sendDigits, Map<String, List<String>> form) {

    public enum Kind { MESSAGE, CALL }

    public TwilioRequest {
        form = Map.copyOf(form);
    }

    public boolean accepted() {
        return status == 201;
    }
}
