package io.github.keycloaksspr.reset.verify;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Mails a one-time code through the realm's SMTP settings and email theme, in the user's locale. The code is in
 * the mail and nowhere else: not in a log line, not in an event, not in an exception message.
 */
final class EmailCodeSender {

    static final String TEMPLATE = "sspr-email-code.ftl";
    static final String SUBJECT = "ssprEmailCodeSubject";

    private EmailCodeSender() {
    }

    static void send(KeycloakSession session, RealmModel realm, UserModel user, String code, Duration ttl)
            throws EmailException {
        String realmName = realm.getDisplayName() == null || realm.getDisplayName().isBlank()
                ? realm.getName() : realm.getDisplayName();
        // mutable: Keycloak's email provider adds its own attributes to this map
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("code", code);
        attributes.put("ttlMinutes", VerifyAuthenticator.minutes(ttl));
        attributes.put("realmName", realmName);
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(user)
                .send(SUBJECT, List.of(realmName), TEMPLATE, attributes);
    }
}
