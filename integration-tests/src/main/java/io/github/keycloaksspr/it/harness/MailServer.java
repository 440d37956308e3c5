package io.github.keycloaksspr.it.harness;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** An SMTP server on loopback that keeps every mail Keycloak sends, so tests can read codes and notices. */
public final class MailServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;
    private final int port;

    private MailServer(int port) {
        this.port = port;
        ServerSetup smtp = new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP);
        smtp.setServerStartupTimeout(10_000);
        this.greenMail = new GreenMail(smtp);
        greenMail.start();
    }

    /** On a free port, for tests. */
    public static MailServer start() {
        return new MailServer(Ports.free());
    }

    public static MailServer start(int port) {
        return new MailServer(port);
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** Every mail received so far, oldest first. */
    public List<MailMessage> messages() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(MailServer::decode).toList();
    }

    public List<MailMessage> messagesTo(String address) {
        return messages().stream().filter(message -> message.isTo(address)).toList();
    }

    /** Waits until {@code address} has at least {@code count} mails and returns them, oldest first. */
    public List<MailMessage> awaitMessagesTo(String address, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<MailMessage> received = messagesTo(address);
            if (received.size() >= count) {
                return received;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Expected " + count + " mail(s) to " + address + " within "
                        + timeout.toSeconds() + " s but got " + received.size() + "; all mail received: "
                        + messages().stream().map(m -> m.recipients() + " '" + m.subject() + "'")
                                .collect(Collectors.joining(", ", "[", "]")));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for mail", e);
            }
        }
    }

    /** The newest mail to {@code address}, waiting for the first one if none has arrived. */
    public MailMessage awaitLatestTo(String address, Duration timeout) {
        List<MailMessage> received = awaitMessagesTo(address, 1, timeout);
        return received.get(received.size() - 1);
    }

    /** Forgets every mail, so a test counts only the mails its own steps caused. */
    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("Cannot purge mailboxes", e);
        }
    }

    public void stop() {
        greenMail.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private static MailMessage decode(MimeMessage message) {
        try {
            Address[] recipients = message.getAllRecipients();
            Address[] from = message.getFrom();
            Bodies bodies = new Bodies();
            bodies.collect(message);
            return new MailMessage(
                    recipients == null ? List.of() : Arrays.stream(recipients).map(MailServer::address).toList(),
                    from == null || from.length == 0 ? "" : address(from[0]),
                    message.getSubject() == null ? "" : message.getSubject(),
                    bodies.text, bodies.html,
                    message.getSentDate() == null ? Instant.now() : message.getSentDate().toInstant());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot decode a received mail", e);
        }
    }

    private static String address(Address address) {
        return address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
    }

    /** Picks the first text/plain and text/html parts, however deep the multipart nesting. */
    private static final class Bodies {
        private String text = "";
        private String html = "";

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("text/plain") && text.isEmpty()) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html.isEmpty()) {
                html = String.valueOf(part.getContent());
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            }
        }
    }
}
