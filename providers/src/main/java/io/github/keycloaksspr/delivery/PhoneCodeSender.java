package io.github.keycloaksspr.delivery;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.github.keycloaksspr.phone.PhoneNumber;
import io.github.keycloaksspr.twilio.PhoneGateway;
import io.github.keycloaksspr.twilio.PhoneSendException;
import io.github.keycloaksspr.twilio.TwilioGateway;
import io.github.keycloaksspr.twilio.TwilioSettings;
import io.github.keycloaksspr.twilio.VoiceScript;

/**
 * Sends a one-time code to a phone through Twilio: as a text, or read out by a call (to an office phone with its
 * extension dialled once the call connects). Texts come from the login theme in the user's locale, so realm
 * localization overrides apply. The code leaves this class only towards Twilio.
 */
public final class PhoneCodeSender {

    /** How the code reaches the phone. */
    public enum Channel { SMS, VOICE }

    private PhoneCodeSender() {
    }

    public static void send(KeycloakSession session, RealmModel realm, UserModel user, TwilioSettings settings,
                            PhoneNumber number, Channel channel, String code, Duration lifetime,
                            CodePurpose purpose) throws CodeSendFailure {
        PhoneGateway gateway = new TwilioGateway(settings);
        Locale locale = session.getContext().resolveLocale(user);
        Properties messages = Texts.loginMessages(session, realm, locale);
        String realmName = Texts.realmName(realm);
        try {
            if (channel == Channel.SMS) {
                gateway.sendSms(number, Texts.format(messages, purpose.smsBody(), locale, code, realmName,
                        Texts.minutes(lifetime)));
            } else {
                gateway.call(number, VoiceScript.forCode(
                        Texts.format(messages, purpose.voiceIntro(), locale, realmName), code, locale));
            }
        } catch (PhoneSendException e) {
            throw new CodeSendFailure(e.providerCode(), e.failure() + " " + e.providerCode(), e);
        }
    }
}
