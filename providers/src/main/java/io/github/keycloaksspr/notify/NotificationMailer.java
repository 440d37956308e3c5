package io.github.keycloaksspr.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.github.keycloaksspr.notify.outbox.OutboxEntity;
import io.github.keycloaksspr.policy.HelpdeskLink;
import io.github.keycloaksspr.policy.PolicyResolver;

/**
 * Renders a notice from the email theme (HTML and text) in the recipient's locale and sends it through the realm's
 * SMTP settings. A notice says what happened, when and from where; it never carries a code, token or password.
 */
final class NotificationMailer {

    static final String USER_TEMPLATE = "sspr-notify-password-reset.ftl";
    static final String USER_SUBJECT = "ssprNotifyPasswordResetSubject";
    static final String ADMIN_TEMPLATE = "sspr-notify-admin-reset.ftl";
    static final String ADMIN_SUBJECT = "ssprNotifyAdminResetSubject";

    private final KeycloakSession session;
    private final RealmModel realm;

    NotificationMailer(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** To the account whose password was reset. */
    void sendUserNotice(OutboxEntity row, UserModel user) throws EmailException {
        Map<String, Object> attributes = common(row, user);
        attributes.put("username", user.getUsername());
        attributes.put("byAdmin", NotificationKind.USER_ADMIN_RESET.name().equals(row.getKind()));
        PolicyResolver.resolve(session, realm).helpdesk().map(HelpdeskLink::href)
                .ifPresent(href -> attributes.put("helpdesk", href));
        send(user, USER_SUBJECT, List.of(realmName()), USER_TEMPLATE, attributes);
    }

    /** To one admin, about another admin account that reset its password. */
    void sendAdminAlert(OutboxEntity row, UserModel recipient, UserModel resetting) throws EmailException {
        Map<String, Object> attributes = common(row, recipient);
        attributes.put("adminUsername", resetting.getUsername());
        send(recipient, ADMIN_SUBJECT, List.of(resetting.getUsername(), realmName()), ADMIN_TEMPLATE, attributes);
    }

    private Map<String, Object> common(OutboxEntity row, UserModel recipient) {
        // mutable: Keycloak's email provider adds its own attributes to this map
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("ssprRealmName", realmName());
        attributes.put("when", when(row.getOccurredAt(), session.getContext().resolveLocale(recipient)));
        attributes.put("ipAddress", row.getIpAddress() == null ? "" : row.getIpAddress());
        if (row.getUserAgent() != null && !row.getUserAgent().isBlank()) {
            attributes.put("userAgent", row.getUserAgent());
        }
        return attributes;
    }

    private void send(UserModel recipient, String subject, List<Object> subjectArguments, String template,
                      Map<String, Object> attributes) throws EmailException {
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(recipient)
                .send(subject, subjectArguments, template, attributes);
    }

    /** In UTC, named as such: the recipient may be anywhere and the server's zone means nothing to them. */
    static String when(long epochMillis, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(epochMillis)) + " UTC";
    }

    private String realmName() {
        return realm.getDisplayName() == null || realm.getDisplayName().isBlank()
                ? realm.getName() : realm.getDisplayName();
    }
}
