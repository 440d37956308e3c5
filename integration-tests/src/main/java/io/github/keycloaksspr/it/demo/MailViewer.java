package io.github.keycloaksspr.it.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.harness.MailMessage;
import io.github.keycloaksspr.it.harness.MailServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A read-only web page over the demo's SMTP server: what a user would find in their inbox. Mail content is
 * attacker-shaped text as far as this page is concerned, so everything is escaped and the HTML part is shown in
 * a sandboxed frame without scripts.
 */
final class MailViewer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final String STYLE = "body{font:15px/1.4 system-ui,sans-serif;margin:2em;max-width:70em}"
            + "table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4em .6em;"
            + "border-bottom:1px solid #ddd}pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}"
            + "iframe{width:100%;height:32em;border:1px solid #ccc}";

    private final HttpServer server;

    private MailViewer(HttpServer server) {
        this.server = server;
    }

    static MailViewer start(MailServer mail, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/", exchange -> answer(exchange, page(mail, exchange.getRequestURI().getPath())));
            server.start();
            return new MailViewer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the mail viewer on port " + port, e);
        }
    }

    void stop() {
        server.stop(0);
    }

    private record Response(int status, String html) {
    }

    private static Response page(MailServer mail, String path) {
        List<MailMessage> messages = mail.messages();
        if (path.equals("/")) {
            return new Response(200, list(messages));
        }
        if (path.matches("/mail/\\d{1,9}")) {
            int index = Integer.parseInt(path.substring("/mail/".length()));
            if (index < messages.size()) {
                return new Response(200, detail(messages.get(index)));
            }
        }
        return new Response(404, layout("Not found", "", "<p>No such mail. <a href=\"/\">Back to the mailbox</a></p>"));
    }

    private static String list(List<MailMessage> messages) {
        StringBuilder rows = new StringBuilder();
        for (int index = messages.size() - 1; index >= 0; index--) {
            MailMessage message = messages.get(index);
            rows.append("<tr><td>").append(escape(TIME.format(message.sentAt()))).append("</td><td>")
                    .append(escape(String.join(", ", message.recipients()))).append("</td><td><a href=\"/mail/")
                    .append(index).append("\">").append(escape(message.subject().isEmpty() ? "(no subject)"
                            : message.subject())).append("</a></td></tr>");
        }
        String body = messages.isEmpty()
                ? "<p>No mail yet. This page refreshes itself.</p>"
                : "<table><tr><th>Time</th><th>To</th><th>Subject</th></tr>" + rows + "</table>";
        return layout("Mailbox (" + messages.size() + ")", "<meta http-equiv=\"refresh\" content=\"5\">", body);
    }

    private static String detail(MailMessage message) {
        String html = message.html().isEmpty() ? "<p>No HTML part.</p>"
                // srcdoc keeps the mail's markup away from this page; an empty sandbox forbids its scripts.
                : "<iframe sandbox srcdoc=\"" + escape(message.html()) + "\"></iframe>"
                        + "<details><summary>HTML source</summary><pre>" + escape(message.html()) + "</pre></details>";
        String body = "<p><a href=\"/\">&larr; Mailbox</a></p>"
                + "<table><tr><th>From</th><td>" + escape(message.from()) + "</td></tr>"
                + "<tr><th>To</th><td>" + escape(String.join(", ", message.recipients())) + "</td></tr>"
                + "<tr><th>Time</th><td>" + escape(TIME.format(message.sentAt())) + "</td></tr></table>"
                + "<h2>Text</h2><pre>" + (message.text().isEmpty() ? "(no text part)" : escape(message.text()))
                + "</pre><h2>HTML</h2>" + html;
        return layout(message.subject(), "", body);
    }

    private static String layout(String title, String head, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" + head + "<title>" + escape(title)
                + "</title><style>" + STYLE + "</style></head><body><h1>" + escape(title) + "</h1>" + body
                + "</body></html>";
    }

    private static void answer(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = response.html().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(response.status(), -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
