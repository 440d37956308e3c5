package io.github.keycloaksspr.reset.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.RealmModel;

/**
 * Mails a one-time code through the realm's SMTP settings and email theme, in the user's locale. The code is in
 * the mail and nowhere else: not in a log line, not in an event, not in an exception message.
 */
final class EmailDelivery implements CodeDelivery {

    static final String TEMPLATE = "sspr-email-code.ftl";
    static final String SUBJECT = "ssprEmailCodeSubject";

    @Override
    public void deliver(Proof proof, String code) throws DeliveryFailure {
        RealmModel realm = proof.realm();
        String realmName = realm.getDisplayName() == null || realm.getDisplayName().isBlank()
                ? realm.getName() : realm.getDisplayName();
        // mutable: Keycloak's email provider adds its own attributes to this map
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("code", code);
        attributes.put("ttlMinutes", CodeMethod.minutes(proof.policy().codeLifetime()));
        attributes.put("realmName", realmName);
        try {
            proof.session().getProvider(EmailTemplateProvider.class)
                    .setRealm(realm)
                    .setUser(proof.user())
                    .send(SUBJECT, List.of(realmName), TEMPLATE, attributes);
        } catch (EmailException e) {
            // the SMTP error names servers and addresses, never the code
            throw new DeliveryFailure(PageMessage.error("ssprEmailNotSent"), "smtp",
                    e.getMessage() + " (" + (e.getCause() == null ? "no cause" : e.getCause().getClass().getName())
                            + ")", e);
        }
    }
}
