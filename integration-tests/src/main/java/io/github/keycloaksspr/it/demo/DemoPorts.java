package io.github.keycloaksspr.it.demo;

import io.github.keycloaksspr.it.harness.Ports;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The demo's fixed ports, so the URLs in the README keep working; each can be moved with a system property. */
record DemoPorts(int http, int management, int smtp, int mailViewer) {

    static DemoPorts fromSystemProperties() {
        return new DemoPorts(
                Integer.getInteger("sspr.demo.http-port", 8080),
                Integer.getInteger("sspr.demo.management-port", 9000),
                Integer.getInteger("sspr.demo.smtp-port", 3025),
                Integer.getInteger("sspr.demo.mail-port", 8025));
    }

    /** A one-line explanation for the first port something else already holds. */
    Optional<String> firstBusy() {
        Map<String, Integer> byProperty = new LinkedHashMap<>();
        byProperty.put("sspr.demo.http-port", http);
        byProperty.put("sspr.demo.management-port", management);
        byProperty.put("sspr.demo.smtp-port", smtp);
        byProperty.put("sspr.demo.mail-port", mailViewer);
        return byProperty.entrySet().stream()
                .filter(entry -> !Ports.isFree(entry.getValue()))
                .findFirst()
                .map(entry -> "Port " + entry.getValue() + " is already in use; stop what runs there or pick another"
                        + " port with -D" + entry.getKey() + "=<port>.");
    }
}
