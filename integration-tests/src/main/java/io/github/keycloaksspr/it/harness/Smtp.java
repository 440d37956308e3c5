package io.github.keycloaksspr.it.harness;

import java.util.Map;

/** A realm's SMTP settings, in the shape of {@code RealmRepresentation.smtpServer}. */
final class Smtp {

    private Smtp() {
    }

    static Map<String, String> settings(String host, int port, String realm) {
        return Map.of(
                "host", host,
                "port", Integer.toString(port),
                "from", "noreply@" + realm + ".test",
                "fromDisplayName", realm,
                "auth", "false",
                "ssl", "false",
                "starttls", "false");
    }
}
