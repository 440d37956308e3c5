package io.github.keycloaksspr.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.github.keycloaksspr.policy.Policy;
import io.github.keycloaksspr.policy.PolicySettings;

class RequirementTest {

    private static final Policy ONE_OF_ALL = PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, "ALL",
            PolicySettings.METHODS, "email##mobile-sms##mobile-voice##authenticator-app##security-questions",
            PolicySettings.METHODS_REQUIRED, "1", "sspr.twilio.account-sid", "AC" + "0".repeat(31) + "1",
            "sspr.twilio.auth-token", "token", "sspr.twilio.from", "+15005550006"));

    @Test
    @DisplayName("Given a user, then the realm's N and methods apply")
    void user() {
        Requirement requirement = Requirement.forAccount(ONE_OF_ALL, false);

        assertThat(requirement.count()).isEqualTo(1);
        assertThat(requirement.methods()).contains(MethodKind.SECURITY_QUESTIONS);
        assertThat(requirement.satisfiableWith(Set.of(MethodKind.SECURITY_QUESTIONS))).isTrue();
    }

    @Test
    @DisplayName("Given an admin and a realm asking for one method, then two are needed and questions never count")
    void admin() {
        Requirement requirement = Requirement.forAccount(ONE_OF_ALL, true);

        assertThat(requirement.count()).isEqualTo(2);
        assertThat(requirement.methods()).doesNotContain(MethodKind.SECURITY_QUESTIONS);
        assertThat(requirement.satisfiableWith(Set.of(MethodKind.EMAIL, MethodKind.SECURITY_QUESTIONS))).isFalse();
        assertThat(requirement.satisfiableWith(Set.of(MethodKind.EMAIL, MethodKind.AUTHENTICATOR_APP))).isTrue();
    }

    @Test
    @DisplayName("Given a mobile phone proven by SMS and by a call, then it counts once")
    void samePhoneCountsOnce() {
        Requirement requirement = Requirement.forAccount(ONE_OF_ALL, true);

        assertThat(requirement.metBy(Set.of(MethodKind.MOBILE_SMS, MethodKind.MOBILE_VOICE))).isFalse();
        assertThat(requirement.metBy(Set.of(MethodKind.MOBILE_SMS, MethodKind.EMAIL))).isTrue();
        assertThat(Requirement.factors(Set.of(MethodKind.MOBILE_SMS, MethodKind.MOBILE_VOICE))).isEqualTo(1);
    }
}
