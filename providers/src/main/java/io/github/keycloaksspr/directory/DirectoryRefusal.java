package io.github.keycloaksspr.directory;

import java.util.List;
import java.util.Locale;

/**
 * The directory refused a new password under its own policy.
 *
 * @param rule       the rule the directory named
 * @param parameters the values its message key needs, such as the minimum length; never the password
 */
public record DirectoryRefusal(DirectoryRule rule, List<Object> parameters) {

    public DirectoryRefusal {
        parameters = List.copyOf(parameters);
    }

    static DirectoryRefusal of(DirectoryRule rule) {
        return new DirectoryRefusal(rule, List.of());
    }

    public String messageKey() {
        return rule.messageKey();
    }

    /** The stable lower-case code recorded in audit records and events, e.g. {@code history}. */
    public String code() {
        return rule == DirectoryRule.TOO_SHORT_FOR ? "too_short" : rule.name().toLowerCase(Locale.ROOT);
    }
}
