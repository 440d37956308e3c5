package io.github.keycloaksspr.policy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The organisation's "contact your administrator" link. Only mailto: and https: are accepted: a misconfigured
 * value can never become a script URL on a login page, and users are never sent to a page anyone on the path
 * could rewrite.
 *
 * @param href    the link target, as validated
 * @param display what a person reads: the address for mailto:, the URL otherwise
 */
public record HelpdeskLink(String href, String display) {

    public static Optional<HelpdeskLink> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String value = raw.trim();
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "mailto" -> mailto(uri, value);
            case "https" -> web(uri, value);
            default -> Optional.empty();
        };
    }

    private static Optional<HelpdeskLink> mailto(URI uri, String value) {
        String address = uri.getSchemeSpecificPart();
        int query = address == null ? -1 : address.indexOf('?');
        String bare = query >= 0 ? address.substring(0, query) : address;
        if (bare == null || !bare.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return Optional.empty();
        }
        return Optional.of(new HelpdeskLink(value, bare));
    }

    private static Optional<HelpdeskLink> web(URI uri, String value) {
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new HelpdeskLink(value, value));
    }
}
