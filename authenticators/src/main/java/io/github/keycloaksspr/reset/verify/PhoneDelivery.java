package io.github.keycloaksspr.reset.verify;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;

import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.method.PhoneCredentials;
import io.github.keycloaksspr.phone.PhoneNumber;
import io.github.keycloaksspr.twilio.PhoneGateway;
import io.github.keycloaksspr.twilio.PhoneSendException;
import io.github.keycloaksspr.twilio.TwilioGateway;
import io.github.keycloaksspr.twilio.TwilioSettings;
import io.github.keycloaksspr.twilio.VoiceScript;

/**
 * Sends a code to a registered phone through Twilio: as a text message, or read out by a call (to an office phone
 * with its extension dialled once the call connects). Texts come from the login theme in the user's locale, so
 * realm localization overrides apply. A failure gives the user "we couldn't send a code to +1 ••• ••• ••12" and
 * the audit record Twilio's own error code; the code itself never leaves this class except to Twilio.
 */
final class PhoneDelivery implements CodeDelivery {

    enum Channel { SMS, VOICE }

    private final Channel channel;

    PhoneDelivery(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void deliver(Proof proof, String code) throws DeliveryFailure {
        PhoneNumber number = phone(proof).orElseThrow(() -> failure(proof, "no-phone", "phone no longer registered"));
        TwilioSettings settings = proof.policy().twilio()
                .orElseThrow(() -> failure(proof, "not-configured", "Twilio is not configured"));
        PhoneGateway gateway = new TwilioGateway(settings);
        Locale locale = proof.session().getContext().resolveLocale(proof.user());
        Properties messages = messages(proof, locale);
        String realmName = realmName(proof.realm());
        try {
            if (channel == Channel.SMS) {
                gateway.sendSms(number, format(messages, "ssprSmsCodeBody", locale, code, realmName,
                        CodeMethod.minutes(proof.policy().codeLifetime())));
            } else {
                gateway.call(number, VoiceScript.forCode(format(messages, "ssprVoiceCodeIntro", locale, realmName),
                        code, locale));
            }
        } catch (PhoneSendException e) {
            throw new DeliveryFailure(PageMessage.error("ssprPhoneNotSent", number.masked()), e.providerCode(),
                    e.failure() + " " + e.providerCode(), e);
        }
    }

    /** Only the phone the methods page offered: a phone replaced mid-flow proves nothing about the new one. */
    private static Optional<PhoneNumber> phone(Proof proof) {
        MethodKind kind = proof.registration().kind();
        Optional<PhoneCredentials.RegisteredPhone> phone = kind == MethodKind.OFFICE_VOICE
                ? PhoneCredentials.office(proof.user()) : PhoneCredentials.mobile(proof.user());
        return phone.filter(registered -> registered.credentialId().equals(proof.registration().address()))
                .map(PhoneCredentials.RegisteredPhone::number);
    }

    private static DeliveryFailure failure(Proof proof, String providerCode, String detail) {
        return new DeliveryFailure(PageMessage.error("ssprPhoneNotSent", proof.registration().masked()),
                providerCode, detail, null);
    }

    private static Properties messages(Proof proof, Locale locale) throws DeliveryFailure {
        try {
            return proof.session().theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(proof.realm(), locale);
        } catch (IOException e) {
            throw new DeliveryFailure(PageMessage.error("ssprPhoneNotSent", proof.registration().masked()),
                    "theme", "login theme messages unreadable", e);
        }
    }

    private static String format(Properties messages, String key, Locale locale, Object... parameters) {
        return new MessageFormat(messages.getProperty(key, key), locale).format(parameters);
    }

    private static String realmName(RealmModel realm) {
        return realm.getDisplayName() == null || realm.getDisplayName().isBlank()
                ? realm.getName() : realm.getDisplayName();
    }
}
