package io.github.keycloaksspr.it.harness;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One mail as the SMTP server received it, decoded.
 *
 * @param text the text/plain part, empty when the mail has none
 * @param html the text/html part, empty when the mail has none
 */
public record MailMessage(List<String> recipients, String from, String subject, String text, String html,
                          Instant sentAt) {

    public MailMessage {
        recipients = List.copyOf(recipients);
    }

    public boolean isTo(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return recipients.stream().anyMatch(recipient -> recipient.toLowerCase(Locale.ROOT).equals(wanted));
    }
}
