package io.github.keycloaksspr.delivery;

import java.io.IOException;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;

/** Words that go into codes' messages: the realm's name, minutes for a person, the login theme's sentences. */
public final class Texts {

    private Texts() {
    }

    public static String realmName(RealmModel realm) {
        return realm.getDisplayName() == null || realm.getDisplayName().isBlank()
                ? realm.getName() : realm.getDisplayName();
    }

    /** Whole minutes, rounded up, for sentences a person reads. */
    public static long minutes(Duration duration) {
        return Math.max(1, (duration.getSeconds() + 59) / 60);
    }

    static Properties loginMessages(KeycloakSession session, RealmModel realm, Locale locale)
            throws CodeSendFailure {
        try {
            return session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
        } catch (IOException e) {
            throw new CodeSendFailure("theme", "login theme messages unreadable", e);
        }
    }

    static String format(Properties messages, String key, Locale locale, Object... parameters) {
        return new MessageFormat(messages.getProperty(key, key), locale).format(parameters);
    }
}
