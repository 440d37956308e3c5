package io.github.keycloaksspr.it.harness;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/** An HTML form as a browser would submit it: its action, method and current field values, hidden ones included. */
public final class Form {

    /** Inputs a browser never sends by themselves; a clicked button is added with {@link #submit(String, String, Map)}. */
    private static final Set<String> NOT_SENT = Set.of("submit", "button", "image", "reset", "file");

    private final FormClient client;
    private final String action;
    private final String method;
    private final Map<String, String> fields;

    private Form(FormClient client, String action, String method, Map<String, String> fields) {
        this.client = client;
        this.action = action;
        this.method = method;
        this.fields = fields;
    }

    static Form of(FormClient client, Element form, URI pageUrl) {
        String action = form.absUrl("action");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String type = input.attr("type").toLowerCase(Locale.ROOT);
            if (input.hasAttr("disabled") || NOT_SENT.contains(type)) {
                continue;
            }
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                continue;
            }
            fields.put(input.attr("name"), valueOf(input, type));
        }
        return new Form(client, action.isEmpty() ? pageUrl.toString() : action,
                form.attr("method").isEmpty() ? "get" : form.attr("method").toLowerCase(Locale.ROOT),
                fields);
    }

    public String action() {
        return action;
    }

    public Map<String, String> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** Submits the form with {@code extra} typed over its fields; a null value leaves that field out. */
    /** Posts the form once and returns the server's own answer, without following a redirect. */
    public HttpResponse<String> submitOnce(Map<String, String> extra) {
        return client.postOnce(action, merged(extra));
    }

    public Page submit(Map<String, String> extra) {
        Map<String, String> values = merged(extra);
        if (method.equals("post")) {
            return client.post(action, values);
        }
        String separator = action.contains("?") ? "&" : "?";
        return client.get(values.isEmpty() ? action : action + separator + FormClient.encode(values));
    }

    private Map<String, String> merged(Map<String, String> extra) {
        Map<String, String> values = new LinkedHashMap<>(fields);
        extra.forEach((name, value) -> {
            if (value == null) {
                values.remove(name);
            } else {
                values.put(name, value);
            }
        });
        return values;
    }

    /** Submits as if the button {@code buttonName} with value {@code buttonValue} was clicked. */
    public Page submit(String buttonName, String buttonValue, Map<String, String> extra) {
        Map<String, String> values = new LinkedHashMap<>(extra);
        values.put(buttonName, buttonValue);
        return submit(values);
    }

    private static String valueOf(Element input, String type) {
        return switch (input.tagName()) {
            case "textarea" -> input.text();
            case "select" -> {
                Element selected = input.selectFirst("option[selected]");
                Element option = selected != null ? selected : input.selectFirst("option");
                yield option == null ? "" : option.hasAttr("value") ? option.attr("value") : option.text();
            }
            default -> type.equals("checkbox") || type.equals("radio")
                    ? (input.hasAttr("value") ? input.attr("value") : "on")
                    : input.attr("value");
        };
    }

    @Override
    public String toString() {
        return method.toUpperCase(Locale.ROOT) + " " + action + " " + fields.keySet();
    }
}
