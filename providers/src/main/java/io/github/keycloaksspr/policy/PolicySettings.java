package io.github.keycloaksspr.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.keycloak.models.Constants;

import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.method.Requirement;
import io.github.keycloaksspr.privilege.AdminRoleRef;
import io.github.keycloaksspr.questions.QuestionSettings;
import io.github.keycloaksspr.throttle.ThrottleSettings;
import io.github.keycloaksspr.twilio.ParsedTwilioSettings;
import io.github.keycloaksspr.twilio.TwilioSettings;

/**
 * The stored form of the policy: config keys, defaults, and the one parser that turns a config map into a
 * {@link Policy}. Keycloak does not validate authenticator config when an admin saves it, so every value is
 * checked here; anything invalid fails closed (nobody can reset) except the helpdesk link, which is just left out.
 */
public final class PolicySettings {

    public static final String ENABLED_FOR = "sspr.enabled-for";
    public static final String GROUP = "sspr.group";
    public static final String METHODS = "sspr.methods";
    public static final String METHODS_REQUIRED = "sspr.methods-required";
    public static final String HELPDESK = "sspr.helpdesk";
    public static final String CAPTCHA = "sspr.captcha";
    public static final String CODE_LIFETIME = "sspr.code-lifetime-seconds";
    public static final String NOTIFY_USERS = "sspr.notify-users";
    public static final String NOTIFY_ADMINS = "sspr.notify-admins";
    public static final String ADMIN_ROLES = "sspr.admin-roles";
    public static final String WRITEBACK = "sspr.writeback";
    public static final String UNLOCK = "sspr.unlock";

    static final Scope DEFAULT_SCOPE = Scope.NONE;
    static final String DEFAULT_METHODS = MethodKind.EMAIL.id();
    static final int DEFAULT_METHODS_REQUIRED = 1;
    static final int MAX_METHODS_REQUIRED = 2;
    /** Entra's five minutes; an admin may choose between 30 seconds and 15 minutes. */
    static final int DEFAULT_CODE_LIFETIME_SECONDS = 300;
    static final int MIN_CODE_LIFETIME_SECONDS = 30;
    static final int MAX_CODE_LIFETIME_SECONDS = 900;
    static final String DEFAULT_ADMIN_ROLES = AdminRoleRef.DEFAULTS.stream().map(AdminRoleRef::toString)
            .collect(Collectors.joining(Constants.CFG_DELIMITER));
    static final int MAX_ADMIN_ROLES = 50;

    private PolicySettings() {
    }

    /**
     * Parses a stored config; {@code config} may be null when an admin never saved the step's settings. Vault
     * references are not resolved here: a Twilio token written as {@code ${vault.key}} counts as missing.
     */
    public static Policy parse(Map<String, String> config) {
        return parse(config, PolicySettings::withoutVault);
    }

    /**
     * Parses a stored config, resolving secrets (the Twilio token, which may be a Keycloak vault reference) with
     * {@code secrets}.
     */
    public static Policy parse(Map<String, String> config, UnaryOperator<String> secrets) {
        Map<String, String> values = config == null ? Map.of() : config;
        List<String> problems = new ArrayList<>();
        // settings that fall back to something safe are reported without switching the policy off
        List<String> warnings = new ArrayList<>();

        Scope scope = scope(values.get(ENABLED_FOR), problems);
        String groupPath = values.getOrDefault(GROUP, "").trim();
        if (scope == Scope.SELECTED && groupPath.isEmpty()) {
            problems.add("Self-service password reset is enabled for a selected group, but no group is selected.");
        }
        Set<MethodKind> methods = methods(values.getOrDefault(METHODS, DEFAULT_METHODS), problems);
        Optional<TwilioSettings> twilio = twilio(values, secrets, methods, warnings);
        int required = methodsRequired(values.get(METHODS_REQUIRED), problems);
        long factors = Requirement.factors(methods);
        if (methods.isEmpty() && !values.getOrDefault(METHODS, DEFAULT_METHODS).isBlank()) {
            // every method named was unknown or needs a Twilio account that isn't configured
            problems.add("None of the chosen verification methods is available.");
        } else if (!methods.isEmpty() && required > factors) {
            // SMS and a call to the same mobile phone are one method, as in Entra
            problems.add("Number of methods required to reset (" + required + ") is more than the "
                    + factors + " distinct method(s) available.");
        }
        String rawHelpdesk = values.getOrDefault(HELPDESK, "");
        Optional<HelpdeskLink> helpdesk = HelpdeskLink.parse(rawHelpdesk);
        if (helpdesk.isEmpty() && !rawHelpdesk.isBlank()) {
            warnings.add("Helpdesk link must be a mailto: address or an https:// URL.");
        }
        boolean captcha = bool(values.get(CAPTCHA), true, CAPTCHA, problems);
        Duration codeLifetime = codeLifetime(values.get(CODE_LIFETIME), problems);
        // on by default, as Entra recommends
        boolean notifyUsers = bool(values.get(NOTIFY_USERS), true, NOTIFY_USERS, problems);
        boolean notifyAdmins = bool(values.get(NOTIFY_ADMINS), true, NOTIFY_ADMINS, problems);
        List<AdminRoleRef> adminRoles = adminRoles(values.get(ADMIN_ROLES), problems);
        // on: a realm that federates a directory WRITABLE has already chosen to let Keycloak change its passwords
        boolean writeback = bool(values.get(WRITEBACK), true, WRITEBACK, problems);
        // off, as in Entra: unlocking keeps a password someone may have been guessing, so an admin opts in
        boolean unlock = bool(values.get(UNLOCK), false, UNLOCK, problems);
        ThrottleSettings throttles = ThrottleSettings.parse(values);
        warnings.addAll(throttles.problems());
        QuestionSettings questions = QuestionSettings.parse(values);
        if (methods.contains(MethodKind.SECURITY_QUESTIONS)) {
            warnings.addAll(questions.problems());
        }

        Scope effective = problems.isEmpty() ? scope : Scope.NONE;
        List<String> all = new ArrayList<>(problems);
        all.addAll(warnings);
        return new Policy(effective, scope == Scope.SELECTED ? groupPath : "", methods, required, helpdesk,
                captcha, codeLifetime, notifyUsers, notifyAdmins, adminRoles, throttles, questions, twilio, writeback, unlock, all);
    }

    /**
     * Texts and calls need a working Twilio account. Without one the phone methods are taken out of the policy (and
     * the realm's other methods go on working); calls also need a sender number, which a Messaging Service lacks.
     */
    private static Optional<TwilioSettings> twilio(Map<String, String> values, UnaryOperator<String> secrets,
                                                   Set<MethodKind> methods, List<String> warnings) {
        if (methods.stream().noneMatch(MethodKind::usesPhone)) {
            return Optional.empty();
        }
        ParsedTwilioSettings parsed = TwilioSettings.parse(values, secrets);
        if (!parsed.valid()) {
            warnings.addAll(parsed.problems());
            warnings.add("Text and voice methods are unavailable until Twilio is configured.");
            methods.removeIf(MethodKind::usesPhone);
            return Optional.empty();
        }
        boolean voice = methods.contains(MethodKind.MOBILE_VOICE) || methods.contains(MethodKind.OFFICE_VOICE);
        if (voice && parsed.settings().orElseThrow().senderNumber().isEmpty()) {
            warnings.add("Voice calls need a Twilio sender number; a Messaging Service SID only sends text "
                    + "messages. Voice methods are unavailable.");
            methods.remove(MethodKind.MOBILE_VOICE);
            methods.remove(MethodKind.OFFICE_VOICE);
        }
        return parsed.settings();
    }

    private static String withoutVault(String stored) {
        return stored.startsWith("${vault.") ? null : stored;
    }

    /**
     * An empty list would quietly let admins reset with one method, so it falls back to the defaults and says so;
     * an entry that isn't a role name blocks the policy like every other bad value.
     */
    private static List<AdminRoleRef> adminRoles(String raw, List<String> problems) {
        if (raw == null) {
            return AdminRoleRef.DEFAULTS;
        }
        List<AdminRoleRef> roles = new ArrayList<>();
        for (String entry : raw.split(Constants.CFG_DELIMITER)) {
            if (entry.isBlank()) {
                continue;
            }
            AdminRoleRef.parse(entry).ifPresentOrElse(roles::add, () -> problems.add(
                    "Admin roles must be written as client-id/role or as a realm role name."));
        }
        if (roles.isEmpty()) {
            problems.add("Admin roles must name at least one role; the defaults apply.");
            return AdminRoleRef.DEFAULTS;
        }
        if (roles.size() > MAX_ADMIN_ROLES) {
            problems.add("At most " + MAX_ADMIN_ROLES + " admin roles can be listed.");
        }
        return List.copyOf(new LinkedHashSet<>(roles));
    }

    private static Scope scope(String raw, List<String> problems) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_SCOPE;
        }
        try {
            return Scope.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("Self-service password reset enabled must be NONE, SELECTED or ALL.");
            return DEFAULT_SCOPE;
        }
    }

    private static Set<MethodKind> methods(String raw, List<String> problems) {
        Set<MethodKind> methods = EnumSet.noneOf(MethodKind.class);
        for (String id : raw.split(Constants.CFG_DELIMITER)) {
            String trimmed = id.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            MethodKind.fromId(trimmed).ifPresentOrElse(methods::add,
                    () -> problems.add("Unknown verification method: " + trimmed + "."));
        }
        if (methods.isEmpty()) {
            problems.add("At least one verification method must be available.");
        }
        return methods;
    }

    private static int methodsRequired(String raw, List<String> problems) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_METHODS_REQUIRED;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 1 && value <= MAX_METHODS_REQUIRED) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("Number of methods required to reset must be 1 or 2.");
        return MAX_METHODS_REQUIRED;
    }

    private static Duration codeLifetime(String raw, List<String> problems) {
        if (raw == null || raw.isBlank()) {
            return Duration.ofSeconds(DEFAULT_CODE_LIFETIME_SECONDS);
        }
        try {
            int seconds = Integer.parseInt(raw.trim());
            if (seconds >= MIN_CODE_LIFETIME_SECONDS && seconds <= MAX_CODE_LIFETIME_SECONDS) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("One-time code lifetime must be between " + MIN_CODE_LIFETIME_SECONDS + " and "
                + MAX_CODE_LIFETIME_SECONDS + " seconds.");
        return Duration.ofSeconds(DEFAULT_CODE_LIFETIME_SECONDS);
    }

    private static boolean bool(String raw, boolean fallback, String key, List<String> problems) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (!Arrays.asList("true", "false").contains(value)) {
            problems.add(key + " must be true or false.");
            return fallback;
        }
        return Boolean.parseBoolean(value);
    }
}
