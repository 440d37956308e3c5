package io.github.keycloaksspr.twilio;

import java.net.http.HttpClient;
import java.util.function.Function;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.Twiml;

import io.github.keycloaksspr.phone.PhoneNumber;

/**
 * Texts and calls through Twilio's REST API with the official SDK. Each gateway holds its own client for one
 * account, never the SDK's process-wide {@code Twilio.init}, so realms with different accounts do not mix; build
 * one per {@link TwilioSettings} and reuse it, it is thread-safe.
 */
public final class TwilioGateway implements PhoneGateway {

    /** Each {@code w} waits half a second after the call connects, before the extension's digits are dialled. */
    static final String EXTENSION_WAIT = "ww";

    private final TwilioSettings settings;
    private final HttpClient http;

    public TwilioGateway(TwilioSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public void sendSms(PhoneNumber to, String body) throws PhoneSendException {
        com.twilio.type.PhoneNumber recipient = new com.twilio.type.PhoneNumber(to.e164());
        MessageCreator creator = settings.messagingServiceSid()
                .map(service -> Message.creator(recipient, service, body))
                .orElseGet(() -> Message.creator(recipient, new com.twilio.type.PhoneNumber(settings.from()), body));
        send(creator::create);
    }

    @Override
    public void call(PhoneNumber to, String twiml) throws PhoneSendException {
        String sender = settings.senderNumber().orElseThrow(
                () -> new PhoneSendException(PhoneSendFailure.CONFIGURATION, "no-sender-number"));
        CallCreator creator = Call.creator(new com.twilio.type.PhoneNumber(to.e164()),
                new com.twilio.type.PhoneNumber(sender), new Twiml(twiml));
        if (to.hasExtension()) {
            creator.setSendDigits(EXTENSION_WAIT + to.extension());
        }
        send(creator::create);
    }

    private void send(Function<TwilioRestClient, ?> request) throws PhoneSendException {
        TwilioTransport transport = new TwilioTransport(http, settings);
        TwilioRestClient client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(transport)
                .build();
        try {
            request.apply(client);
        } catch (ApiConnectionException e) {
            throw TwilioErrors.unreachable(e);
        } catch (ApiException e) {
            throw TwilioErrors.refused(e, transport.lastStatus());
        } catch (TwilioException e) {
            // the SDK refused to build the request; its text may quote the number, so it is not kept
            throw new PhoneSendException(PhoneSendFailure.REJECTED, "sdk-" + e.getClass().getSimpleName());
        }
    }
}
