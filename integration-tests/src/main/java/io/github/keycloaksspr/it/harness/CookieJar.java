package io.github.keycloaksspr.it.harness;

import java.net.CookieHandler;
import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Cookies the way a browser keeps them for a loopback server (RFC 6265, host-only). java.net.CookieManager does
 * not fit: it never sends Keycloak's {@code Secure} cookies over plain HTTP, while browsers treat localhost as a
 * secure context and do; and it re-encodes version-1 cookies, which breaks Keycloak's quoted values.
 */
final class CookieJar extends CookieHandler {

    private record Cookie(String host, String path, String name, String value, Instant expires) {

        boolean matches(URI uri, Instant now) {
            String requestPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return host.equalsIgnoreCase(uri.getHost()) && pathMatches(requestPath)
                    && (expires == null || expires.isAfter(now));
        }

        private boolean pathMatches(String requestPath) {
            return requestPath.equals(path) || requestPath.startsWith(path.endsWith("/") ? path : path + "/");
        }

        String key() {
            return host.toLowerCase(Locale.ROOT) + "|" + path + "|" + name;
        }
    }

    private final Map<String, Cookie> cookies = new ConcurrentHashMap<>();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        Instant now = Instant.now();
        String header = cookies.values().stream()
                .filter(cookie -> cookie.matches(uri, now))
                // RFC 6265 5.4: longer paths first.
                .sorted(Comparator.comparingInt((Cookie cookie) -> cookie.path().length()).reversed())
                .map(cookie -> cookie.name() + "=" + cookie.value())
                .collect(Collectors.joining("; "));
        return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
        responseHeaders.forEach((name, values) -> {
            if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                values.forEach(value -> store(uri, value));
            }
        });
    }

    /** The value of the cookie {@code name} the server would receive at {@code uri}. */
    Optional<String> value(URI uri, String name) {
        Instant now = Instant.now();
        return cookies.values().stream()
                .filter(cookie -> cookie.name().equals(name) && cookie.matches(uri, now))
                .max(Comparator.comparingInt(cookie -> cookie.path().length()))
                .map(Cookie::value);
    }

    private void store(URI uri, String setCookie) {
        String[] parts = setCookie.split(";");
        int equals = parts[0].indexOf('=');
        if (equals <= 0) {
            return;
        }
        String name = parts[0].substring(0, equals).strip();
        String value = parts[0].substring(equals + 1).strip();
        String path = defaultPath(uri);
        Instant expires = null;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i];
            int separator = attribute.indexOf('=');
            String key = (separator < 0 ? attribute : attribute.substring(0, separator)).strip().toLowerCase(Locale.ROOT);
            String argument = separator < 0 ? "" : attribute.substring(separator + 1).strip();
            switch (key) {
                case "path" -> path = argument.startsWith("/") ? argument : path;
                // Max-Age wins over Expires (RFC 6265 5.3 step 3).
                case "max-age" -> expires = Instant.now().plusSeconds(Long.parseLong(argument));
                case "expires" -> expires = expires != null ? expires : parseDate(argument);
                default -> {
                    // Secure, HttpOnly, SameSite, Version and Domain do not change what a loopback client sends.
                }
            }
        }
        Cookie cookie = new Cookie(uri.getHost(), path, name, value, expires);
        if (expires != null && !expires.isAfter(Instant.now())) {
            cookies.remove(cookie.key());
        } else {
            cookies.put(cookie.key(), cookie);
        }
    }

    private static String defaultPath(URI uri) {
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/") || path.lastIndexOf('/') == 0) {
            return "/";
        }
        return path.substring(0, path.lastIndexOf('/'));
    }

    private static Instant parseDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // Keycloak writes RFC 1123 dates; anything else is treated as a session cookie, as browsers do.
            return null;
        }
    }
}
