package io.github.keycloaksspr.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.UserModelDelegate;

/**
 * Mails a one-time code through the realm's SMTP settings and email theme, in the user's locale, to a given address:
 * the account's own, or an authentication address being registered, which need not be the account's (Entra's
 * "authentication email"). The code is in the mail and nowhere else: not in a log line, an event or an exception.
 */
public final class EmailCodeSender {

    private EmailCodeSender() {
    }

    public static void send(KeycloakSession session, RealmModel realm, UserModel user, String address, String code,
                            Duration lifetime, CodePurpose purpose) throws CodeSendFailure {
        String realmName = Texts.realmName(realm);
        // mutable: Keycloak's email provider adds its own attributes to this map
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("code", code);
        attributes.put("ttlMinutes", Texts.minutes(lifetime));
        attributes.put("realmName", realmName);
        try {
            session.getProvider(EmailTemplateProvider.class)
                    .setRealm(realm)
                    .setUser(addressedTo(user, address))
                    .send(purpose.emailSubject(), List.of(realmName), purpose.emailTemplate(), attributes);
        } catch (EmailException e) {
            // the SMTP error names servers and addresses, never the code
            throw new CodeSendFailure("smtp", e.getMessage() + " ("
                    + (e.getCause() == null ? "no cause" : e.getCause().getClass().getName()) + ")", e);
        }
    }

    /** Keycloak's mailer sends to the user's address; this user answers with the one to prove instead. */
    private static UserModel addressedTo(UserModel user, String address) {
        if (address == null || address.equals(user.getEmail())) {
            return user;
        }
        return new UserModelDelegate(user) {
            @Override
            public String getEmail() {
                return address;
            }
        };
    }
}
