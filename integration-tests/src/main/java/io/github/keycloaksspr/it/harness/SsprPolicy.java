package io.github.keycloaksspr.it.harness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SSPR policy an admin saves as the config of the {@code sspr-verify} execution.
 *
 * @param group   group path such as {@code /SSPR-Test-Group}; only read when {@code enabledFor} is SELECTED
 * @param methods the value of {@code sspr.methods}, as the admin console stores it
 * @param extra   further config keys, written as they are (a null value removes the key)
 */
public record SsprPolicy(EnabledFor enabledFor, String group, String methods, int methodsRequired,
                         String helpdesk, boolean captcha, Map<String, String> extra) {

    /** Who may reset their own password, as in Entra's "Self service password reset enabled". */
    public enum EnabledFor { NONE, SELECTED, ALL }

    public SsprPolicy {
        // Not Map.copyOf: a null value is meaningful here (remove the key).
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** Members of {@code groupPath}, one e-mail code, no CAPTCHA: the smallest policy that lets someone in. */
    public static SsprPolicy forGroup(String groupPath) {
        // the product's defaults: CAPTCHA on
        return new SsprPolicy(EnabledFor.SELECTED, groupPath, "email", 1, "mailto:helpdesk@example.test", true,
                Map.of());
    }

    public static SsprPolicy forEveryone() {
        return forGroup(null).withEnabledFor(EnabledFor.ALL);
    }

    public static SsprPolicy disabled() {
        return forGroup(null).withEnabledFor(EnabledFor.NONE);
    }

    public SsprPolicy withEnabledFor(EnabledFor value) {
        return new SsprPolicy(value, group, methods, methodsRequired, helpdesk, captcha, extra);
    }

    public SsprPolicy withGroup(String value) {
        return new SsprPolicy(enabledFor, value, methods, methodsRequired, helpdesk, captcha, extra);
    }

    public SsprPolicy withMethods(String value) {
        return new SsprPolicy(enabledFor, group, value, methodsRequired, helpdesk, captcha, extra);
    }

    public SsprPolicy withMethodsRequired(int value) {
        return new SsprPolicy(enabledFor, group, methods, value, helpdesk, captcha, extra);
    }

    public SsprPolicy withHelpdesk(String value) {
        return new SsprPolicy(enabledFor, group, methods, methodsRequired, value, captcha, extra);
    }

    public SsprPolicy withCaptcha(boolean value) {
        return new SsprPolicy(enabledFor, group, methods, methodsRequired, helpdesk, value, extra);
    }

    /** Texts and calls through the loopback Twilio double, from {@code sender}, with a 2-second timeout. */
    public SsprPolicy withTwilio(TwilioDouble twilio, String sender) {
        return with("sspr.twilio.account-sid", twilio.accountSid())
                .with("sspr.twilio.auth-token", twilio.authToken())
                .with("sspr.twilio.from", sender)
                .with("sspr.twilio.timeout-seconds", "2")
                .with("sspr.twilio.api-base-url", twilio.baseUrl());
    }

    public SsprPolicy with(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(extra);
        more.put(key, value);
        return new SsprPolicy(enabledFor, group, methods, methodsRequired, helpdesk, captcha, more);
    }

    /** The config entries; a null value means "remove this key from the saved config". */
    Map<String, String> toConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("sspr.enabled-for", enabledFor.name());
        config.put("sspr.group", group);
        config.put("sspr.methods", methods);
        config.put("sspr.methods-required", Integer.toString(methodsRequired));
        config.put("sspr.helpdesk", helpdesk);
        config.put("sspr.captcha", Boolean.toString(captcha));
        config.putAll(extra);
        return config;
    }
}
