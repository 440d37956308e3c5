package io.github.keycloaksspr.twilio;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link TwilioSettings#parse}: the settings, or the plain-English problems an admin has to fix.
 * No problem text ever contains the token.
 */
public record ParsedTwilioSettings(Optional<TwilioSettings> settings, List<String> problems) {

    public ParsedTwilioSettings {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return settings.isPresent();
    }
}
