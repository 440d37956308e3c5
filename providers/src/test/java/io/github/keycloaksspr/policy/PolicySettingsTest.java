package io.github.keycloaksspr.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.privilege.AdminRoleRef;

class PolicySettingsTest {

    @Test
    @DisplayName("Given no saved config, then nobody is enabled, email is available, one method, CAPTCHA on")
    void defaults() {
        Policy policy = PolicySettings.parse(null);

        assertThat(policy.scope()).isEqualTo(Scope.NONE);
        assertThat(policy.methods()).containsExactly(MethodKind.EMAIL);
        assertThat(policy.methodsRequired()).isEqualTo(1);
        assertThat(policy.captcha()).isTrue();
        assertThat(policy.helpdesk()).isEmpty();
        assertThat(policy.codeLifetime()).hasSeconds(300);
        assertThat(policy.valid()).isTrue();
    }

    @Test
    @DisplayName("Given a complete valid config, then every value is read as typed")
    void fullConfig() {
        Policy policy = PolicySettings.parse(Map.of(
                PolicySettings.ENABLED_FOR, "SELECTED",
                PolicySettings.GROUP, "/SSPR-Test-Group",
                PolicySettings.METHODS, "email",
                PolicySettings.METHODS_REQUIRED, "1",
                PolicySettings.HELPDESK, "https://help.example.org/sspr",
                PolicySettings.CAPTCHA, "false"));

        assertThat(policy.scope()).isEqualTo(Scope.SELECTED);
        assertThat(policy.groupPath()).isEqualTo("/SSPR-Test-Group");
        assertThat(policy.helpdesk()).map(HelpdeskLink::href).contains("https://help.example.org/sspr");
        assertThat(policy.captcha()).isFalse();
        assertThat(policy.problems()).isEmpty();
    }

    @Test
    @DisplayName("Given SELECTED without a group, then the policy fails closed and says why")
    void selectedWithoutGroup() {
        Policy policy = PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "SELECTED"));

        assertThat(policy.scope()).isEqualTo(Scope.NONE);
        assertThat(policy.problems()).singleElement().asString().contains("no group is selected");
    }

    @Test
    @DisplayName("Given an unknown scope, then the policy fails closed")
    void unknownScope() {
        Policy policy = PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "EVERYONE"));

        assertThat(policy.scope()).isEqualTo(Scope.NONE);
        assertThat(policy.valid()).isFalse();
    }

    @Test
    @DisplayName("Given two methods required but one available, then the policy fails closed")
    void requiredMoreThanAvailable() {
        Policy policy = PolicySettings.parse(Map.of(
                PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.METHODS_REQUIRED, "2"));

        assertThat(policy.scope()).isEqualTo(Scope.NONE);
        assertThat(policy.problems()).anyMatch(p -> p.contains("more than the 1 distinct method"));
    }

    @Test
    @DisplayName("Given N=2 with SMS and a call to the same mobile phone, then that is one method and fails closed")
    void samePhoneTwiceIsOneMethod() {
        Map<String, String> samePhone = new HashMap<>(TWILIO);
        samePhone.putAll(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.METHODS, "mobile-sms##mobile-voice", PolicySettings.METHODS_REQUIRED, "2"));
        Policy policy = PolicySettings.parse(samePhone);
        assertThat(policy.scope()).isEqualTo(Scope.NONE);
        assertThat(policy.problems()).anyMatch(p -> p.contains("more than the 1 distinct method"));

        Map<String, String> config = new HashMap<>(TWILIO);
        config.putAll(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.METHODS, "mobile-sms##authenticator-app", PolicySettings.METHODS_REQUIRED, "2"));
        Policy valid = PolicySettings.parse(config);
        assertThat(valid.problems()).isEmpty();
        assertThat(valid.methodsRequired()).isEqualTo(2);
        assertThat(valid.twilio()).isPresent();
    }

    @Test
    @DisplayName("Given phone methods without a Twilio account, then they are taken out and the other methods work")
    void phoneMethodsNeedTwilio() {
        Policy policy = PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.METHODS, "email##mobile-sms##office-voice"));

        assertThat(policy.scope()).isEqualTo(Scope.ALL);
        assertThat(policy.methods()).containsExactly(MethodKind.EMAIL);
        assertThat(policy.problems()).anyMatch(p -> p.contains("until Twilio is configured"));

        Policy phonesOnly = PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.METHODS, "mobile-sms"));
        assertThat(phonesOnly.scope()).isEqualTo(Scope.NONE);
        assertThat(phonesOnly.problems()).anyMatch(p -> p.contains("None of the chosen verification methods"));
    }

    @Test
    @DisplayName("Given a Messaging Service as sender, then texts work and calls are taken out")
    void messagingServiceCannotCall() {
        Map<String, String> config = new HashMap<>(TWILIO);
        config.put("sspr.twilio.from", "MG" + "0".repeat(32));
        config.put(PolicySettings.ENABLED_FOR, "ALL");
        config.put(PolicySettings.METHODS, "mobile-sms##mobile-voice##office-voice");

        Policy policy = PolicySettings.parse(config);

        assertThat(policy.methods()).containsExactly(MethodKind.MOBILE_SMS);
        assertThat(policy.problems()).anyMatch(p -> p.contains("Voice methods are unavailable"));
    }

    @Test
    @DisplayName("Given the Twilio token as a vault reference, then it is resolved through the given resolver")
    void vaultToken() {
        Map<String, String> config = new HashMap<>(TWILIO);
        config.put("sspr.twilio.auth-token", "${vault.twilio_token}");
        config.put(PolicySettings.ENABLED_FOR, "ALL");
        config.put(PolicySettings.METHODS, "mobile-sms");

        assertThat(PolicySettings.parse(config).twilio()).isEmpty();
        Policy resolved = PolicySettings.parse(config,
                stored -> stored.equals("${vault.twilio_token}") ? "from-the-vault" : stored);
        assertThat(resolved.twilio().orElseThrow().authToken()).isEqualTo("from-the-vault");
    }

    static final Map<String, String> TWILIO = Map.of(
            "sspr.twilio.account-sid", "AC" + "0".repeat(31) + "1",
            "sspr.twilio.auth-token", "token",
            "sspr.twilio.from", "+15005550006");

    @Test
    @DisplayName("Given a methods-required value outside 1..2, then the policy fails closed")
    void requiredOutOfRange() {
        assertThat(PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.METHODS_REQUIRED, "3")).scope()).isEqualTo(Scope.NONE);
        assertThat(PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.METHODS_REQUIRED, "one")).scope()).isEqualTo(Scope.NONE);
    }

    @Test
    @DisplayName("Given an unknown method among known ones, then the policy fails closed and names it")
    void unknownMethod() {
        Policy policy = PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.METHODS, "email##carrier-pigeon"));

        assertThat(policy.scope()).isEqualTo(Scope.NONE);
        assertThat(policy.problems()).anyMatch(p -> p.contains("carrier-pigeon"));
    }

    @Test
    @DisplayName("Given a script URL as helpdesk link, then the link is dropped but SSPR stays on")
    void badHelpdeskKeepsScope() {
        Policy policy = PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.HELPDESK, "javascript:alert(1)"));

        assertThat(policy.scope()).isEqualTo(Scope.ALL);
        assertThat(policy.helpdesk()).isEmpty();
        assertThat(policy.problems()).singleElement().asString().startsWith("Helpdesk");
    }

    @Test
    @DisplayName("Given a scope in lower case with spaces, then it is accepted")
    void lenientScope() {
        assertThat(PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, " all ")).scope()).isEqualTo(Scope.ALL);
    }

    @Test
    @DisplayName("Given a CAPTCHA value that is not a boolean, then it stays on and the problem is reported")
    void badCaptcha() {
        Policy policy = PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL", PolicySettings.CAPTCHA, "off"));

        assertThat(policy.captcha()).isTrue();
        assertThat(policy.scope()).isEqualTo(Scope.NONE);
    }

    @Test
    @DisplayName("Given no notification settings, then users and admins are both notified, as Entra recommends")
    void notificationsOnByDefault() {
        Policy policy = PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL"));

        assertThat(policy.notifyUsers()).isTrue();
        assertThat(policy.notifyAdmins()).isTrue();
        assertThat(policy.valid()).isTrue();
    }

    @Test
    @DisplayName("Given both notification settings off, then neither is notified and the policy is valid")
    void notificationsOff() {
        Policy policy = PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.NOTIFY_USERS, "false", PolicySettings.NOTIFY_ADMINS, " FALSE "));

        assertThat(policy.notifyUsers()).isFalse();
        assertThat(policy.notifyAdmins()).isFalse();
        assertThat(policy.valid()).isTrue();
    }

    @Test
    @DisplayName("Given a notification value that is not a boolean, then it stays on and the problem is reported")
    void badNotificationValue() {
        Policy policy = PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.NOTIFY_USERS, "no", PolicySettings.NOTIFY_ADMINS, "1"));

        assertThat(policy.notifyUsers()).isTrue();
        assertThat(policy.notifyAdmins()).isTrue();
        assertThat(policy.problems()).anyMatch(p -> p.contains(PolicySettings.NOTIFY_USERS))
                .anyMatch(p -> p.contains(PolicySettings.NOTIFY_ADMINS));
        assertThat(policy.scope()).isEqualTo(Scope.NONE);
    }

    @Test
    @DisplayName("Given a code lifetime outside 30..900 seconds or not a number, then the policy fails closed")
    void codeLifetime() {
        assertThat(PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.CODE_LIFETIME, "30")).codeLifetime()).hasSeconds(30);
        assertThat(PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.CODE_LIFETIME, "29")).scope()).isEqualTo(Scope.NONE);
        assertThat(PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.CODE_LIFETIME, "901")).scope()).isEqualTo(Scope.NONE);
        assertThat(PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.CODE_LIFETIME, "5m")).scope()).isEqualTo(Scope.NONE);
    }

    @Test
    @DisplayName("Given no admin roles saved, then realm-management's realm-admin and manage-users are the admin roles")
    void adminRolesDefault() {
        assertThat(PolicySettings.parse(Map.of()).adminRoles()).extracting(Object::toString)
                .containsExactly("realm-management/realm-admin", "realm-management/manage-users");
    }

    @Test
    @DisplayName("Given admin roles, then they are read in order without duplicates; a malformed one blocks the policy")
    void adminRoles() {
        Policy policy = PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.ADMIN_ROLES, "helpdesk-admin##realm-management/manage-users##helpdesk-admin"));
        assertThat(policy.adminRoles()).extracting(Object::toString)
                .containsExactly("helpdesk-admin", "realm-management/manage-users");
        assertThat(policy.valid()).isTrue();

        Policy broken = PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.ADMIN_ROLES, "realm-management/"));
        assertThat(broken.scope()).isEqualTo(Scope.NONE);
        assertThat(broken.adminRoles()).isEqualTo(AdminRoleRef.DEFAULTS);
        assertThat(broken.problems()).anyMatch(p -> p.startsWith("Admin roles"));
    }

    @Test
    @DisplayName("Given no directory settings, then writeback is on and unlock without reset is off, as in Entra")
    void directoryDefaults() {
        Policy policy = PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL"));

        assertThat(policy.writeback()).isTrue();
        assertThat(policy.unlock()).isFalse();
        assertThat(policy.valid()).isTrue();
    }

    @Test
    @DisplayName("Given writeback off and unlock on, then both are read as typed and the policy is valid")
    void directorySettings() {
        Policy policy = PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.WRITEBACK, "false", PolicySettings.UNLOCK, "TRUE"));

        assertThat(policy.writeback()).isFalse();
        assertThat(policy.unlock()).isTrue();
        assertThat(policy.valid()).isTrue();
    }

    @Test
    @DisplayName("Given a writeback or unlock value that is not a boolean, then the defaults stay and the policy fails closed")
    void badDirectorySettings() {
        Policy policy = PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.WRITEBACK, "no", PolicySettings.UNLOCK, "yes"));

        assertThat(policy.writeback()).isTrue();
        assertThat(policy.unlock()).isFalse();
        assertThat(policy.problems()).anyMatch(p -> p.contains(PolicySettings.WRITEBACK))
                .anyMatch(p -> p.contains(PolicySettings.UNLOCK));
        assertThat(policy.scope()).isEqualTo(Scope.NONE);
    }

    @Test
    @DisplayName("Given a policy switched off for a problem, then writeback and unlock are kept as they were")
    void disabledKeepsDirectorySettings() {
        Policy policy = PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL",
                PolicySettings.WRITEBACK, "false", PolicySettings.UNLOCK, "true")).disabledBecause("missing group");

        assertThat(policy.writeback()).isFalse();
        assertThat(policy.unlock()).isTrue();
        assertThat(policy.scope()).isEqualTo(Scope.NONE);
    }
}
