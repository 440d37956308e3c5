package io.github.keycloaksspr.directory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.naming.NamingException;

/**
 * Reads a failed password write for the directory's policy verdict. Keycloak's LDAP federation wraps the
 * directory's answer in one or two {@code ModelException}s (the Active Directory mapper even replaces the message
 * with a generic key), so the whole cause chain is read. The texts are those of Samba and Windows Active Directory
 * ({@code 0000052D: Constraint violation - check_password_restrictions: ...}) and of OpenLDAP's ppolicy overlay.
 * Anything that is not a policy verdict (an unreachable server, missing rights) is not a refusal: the caller
 * treats it as a failure to save.
 */
public final class DirectoryRefusals {

    /** LDAP result 19, constraintViolation, as JNDI prints it; Windows also uses 53 (unwillingToPerform). */
    private static final Pattern LDAP_RESULT = Pattern.compile("LDAP: error code (19|53)\\b");
    /** Active Directory's "password does not meet policy" system error, ERROR_PASSWORD_RESTRICTION. */
    private static final String AD_PASSWORD_RESTRICTION = "0000052D";
    private static final Pattern MIN_LENGTH = Pattern.compile("longer than (\\d{1,3}) characters");
    private static final int MAX_CAUSES = 10;

    private DirectoryRefusals() {
    }

    public static Optional<DirectoryRefusal> classify(Throwable failure) {
        String text = String.join(" | ", messages(failure));
        String lower = text.toLowerCase(Locale.ROOT);
        boolean adRestriction = text.toUpperCase(Locale.ROOT).contains(AD_PASSWORD_RESTRICTION);
        boolean constraint = LDAP_RESULT.matcher(text).find() || lower.contains("constraint violation");
        if (!adRestriction && !constraint) {
            return Optional.empty();
        }
        return Optional.of(rule(lower));
    }

    private static DirectoryRefusal rule(String lower) {
        if (lower.contains("in history") || lower.contains("in list of old passwords")
                || lower.contains("history of old passwords")) {
            return DirectoryRefusal.of(DirectoryRule.HISTORY);
        }
        if (lower.contains("too young")) {
            return DirectoryRefusal.of(DirectoryRule.TOO_YOUNG);
        }
        if (lower.contains("too short")) {
            Matcher min = MIN_LENGTH.matcher(lower);
            return min.find()
                    ? new DirectoryRefusal(DirectoryRule.TOO_SHORT_FOR, List.of(Integer.parseInt(min.group(1))))
                    : DirectoryRefusal.of(DirectoryRule.TOO_SHORT);
        }
        if (lower.contains("complexity")) {
            return DirectoryRefusal.of(DirectoryRule.COMPLEXITY);
        }
        if (lower.contains("quality checking")) {
            return DirectoryRefusal.of(DirectoryRule.QUALITY);
        }
        return DirectoryRefusal.of(DirectoryRule.OTHER);
    }

    private static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        Set<Throwable> seen = new HashSet<>();
        Throwable current = failure;
        // a cyclic or absurdly deep chain is cut short; the directory's answer sits within a few levels
        while (current != null && seen.add(current) && messages.size() < MAX_CAUSES) {
            if (current.getMessage() != null) {
                messages.add(current.getMessage());
            }
            if (current instanceof NamingException naming && naming.getExplanation() != null) {
                messages.add(naming.getExplanation());
            }
            current = current.getCause();
        }
        return messages;
    }
}
