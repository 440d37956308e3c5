package io.github.keycloaksspr.it.harness;

import java.net.URI;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A page a {@link FormClient} landed on after any redirects. */
public final class Page {

    private final FormClient client;
    private final int status;
    private final URI url;
    private final String body;
    private final Document document;

    Page(FormClient client, int status, URI url, String body) {
        this.client = client;
        this.status = status;
        this.url = url;
        this.body = body;
        this.document = Jsoup.parse(body, url.toString());
    }

    public int status() {
        return status;
    }

    public URI url() {
        return url;
    }

    public String body() {
        return body;
    }

    public Document document() {
        return document;
    }

    /** The visible text, for assertions on what a user reads. */
    public String text() {
        return document.text();
    }

    public FormClient client() {
        return client;
    }

    /** The form matching {@code cssSelector}, with every field as the page filled it in. */
    public Form form(String cssSelector) {
        Element form = document.selectFirst(cssSelector);
        if (form == null || !form.tagName().equals("form")) {
            String present = document.select("form").stream()
                    .map(candidate -> "form#" + candidate.id() + "[action=" + candidate.attr("action") + "]")
                    .collect(Collectors.joining(", "));
            throw new AssertionError("No form '" + cssSelector + "' on " + url + " (status " + status
                    + "); forms present: [" + present + "]; text: " + text());
        }
        return Form.of(client, form, url);
    }

    /** Follows the link matching {@code cssSelector}. */
    public Page follow(String cssSelector) {
        Element link = document.selectFirst(cssSelector);
        if (link == null || link.absUrl("href").isEmpty()) {
            throw new AssertionError("No link '" + cssSelector + "' on " + url + "; text: " + text());
        }
        return client.get(link.absUrl("href"));
    }

    @Override
    public String toString() {
        return status + " " + url;
    }
}
