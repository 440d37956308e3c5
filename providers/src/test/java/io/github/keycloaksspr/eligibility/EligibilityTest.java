package io.github.keycloaksspr.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.storage.UserStorageProvider;

import io.github.keycloaksspr.directory.FederationLink;
import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.method.Requirement;
import io.github.keycloaksspr.policy.Policy;
import io.github.keycloaksspr.policy.PolicySettings;
import io.github.keycloaksspr.policy.Scope;

class EligibilityTest {

    private final GroupModel pilot = group("pilot", null);
    private final GroupModel team = group("team", pilot);
    private final GroupModel squad = group("squad", team);
    private final GroupModel other = group("other", null);

    @Test
    @DisplayName("Given no account, then the reason is user not found")
    void unknown() {
        assertThat(decide(policy(Scope.ALL), null, () -> pilot)).isEqualTo(EligibilityReason.USER_NOT_FOUND);
    }

    @Test
    @DisplayName("Given a service account, then it is treated as unknown")
    void serviceAccount() {
        UserModel user = user(true, "a@x.org", true);
        when(user.getServiceAccountClientLink()).thenReturn("client-id");

        assertThat(decide(policy(Scope.ALL), user, () -> pilot)).isEqualTo(EligibilityReason.USER_NOT_FOUND);
    }

    @Test
    @DisplayName("Given an account an admin disabled (no disabledReason), then the reason is user disabled, checked "
            + "before anything else")
    void disabled() {
        assertThat(decide(policy(Scope.ALL), user(false, "a@x.org", true), () -> pilot))
                .isEqualTo(EligibilityReason.USER_DISABLED);
    }

    @Test
    @DisplayName("Given an account disabled for another reason than a permanent lockout, then user disabled")
    void disabledForAnotherReason() {
        UserModel user = user(false, "a@x.org", true);
        when(user.getFirstAttribute(UserModel.DISABLED_REASON)).thenReturn("offboarded");

        assertThat(decide(policy(Scope.ALL), user, () -> pilot)).isEqualTo(EligibilityReason.USER_DISABLED);
    }

    @Test
    @DisplayName("Given a permanently locked-out account, then eligible whether unlocking is on or off (a reset "
            + "unlocks too)")
    void permanentlyLockedOut() {
        UserModel user = permanentlyLocked(user(false, "a@x.org", true));

        assertThat(decide(policy(Scope.ALL, true, true), user, () -> pilot)).isEqualTo(EligibilityReason.ELIGIBLE);
        assertThat(decide(policy(Scope.ALL, true, false), user, () -> pilot)).isEqualTo(EligibilityReason.ELIGIBLE);
    }

    @Test
    @DisplayName("Given a permanently locked-out account, then scope and registration still decide")
    void permanentlyLockedOutStillChecked() {
        assertThat(decide(policy(Scope.SELECTED), permanentlyLocked(user(false, "a@x.org", true, other)),
                () -> pilot)).isEqualTo(EligibilityReason.NOT_ENABLED);
        assertThat(decide(policy(Scope.ALL), permanentlyLocked(user(false, "a@x.org", false)), () -> pilot))
                .isEqualTo(EligibilityReason.NOT_REGISTERED);
    }

    @Test
    @DisplayName("Given an enabled account still carrying a stale permanent-lockout mark, then eligible as usual")
    void staleLockoutMark() {
        assertThat(decide(policy(Scope.ALL), permanentlyLocked(user(true, "a@x.org", true)), () -> pilot))
                .isEqualTo(EligibilityReason.ELIGIBLE);
    }

    @Test
    @DisplayName("Given scope NONE, then nobody is enabled")
    void none() {
        assertThat(decide(policy(Scope.NONE), user(true, "a@x.org", true), () -> pilot))
                .isEqualTo(EligibilityReason.NOT_ENABLED);
    }

    @Test
    @DisplayName("Given a direct member of the selected group with a verified email, then eligible")
    void directMember() {
        UserModel user = user(true, "a@x.org", true, pilot);

        assertThat(decide(policy(Scope.SELECTED), user, () -> pilot)).isEqualTo(EligibilityReason.ELIGIBLE);
    }

    @Test
    @DisplayName("Given a member of a subgroup two levels down, then eligible (nested groups count)")
    void nestedMember() {
        UserModel user = user(true, "a@x.org", true, squad);

        assertThat(decide(policy(Scope.SELECTED), user, () -> pilot)).isEqualTo(EligibilityReason.ELIGIBLE);
    }

    @Test
    @DisplayName("Given a member of an unrelated group, then not enabled")
    void outsider() {
        UserModel user = user(true, "a@x.org", true, other);

        assertThat(decide(policy(Scope.SELECTED), user, () -> pilot)).isEqualTo(EligibilityReason.NOT_ENABLED);
    }

    @Test
    @DisplayName("Given a member of a parent of the selected group only, then not enabled")
    void parentIsNotChild() {
        UserModel user = user(true, "a@x.org", true, pilot);

        assertThat(decide(policy(Scope.SELECTED), user, () -> team)).isEqualTo(EligibilityReason.NOT_ENABLED);
    }

    @Test
    @DisplayName("Given the selected group no longer exists, then nobody is enabled")
    void deletedGroup() {
        UserModel user = user(true, "a@x.org", true, pilot);

        assertThat(decide(policy(Scope.SELECTED), user, () -> null)).isEqualTo(EligibilityReason.NOT_ENABLED);
    }

    @Test
    @DisplayName("Given an unverified or missing email, then not registered")
    void notRegistered() {
        assertThat(decide(policy(Scope.ALL), user(true, "a@x.org", false), () -> pilot))
                .isEqualTo(EligibilityReason.NOT_REGISTERED);
        assertThat(decide(policy(Scope.ALL), user(true, null, true), () -> pilot))
                .isEqualTo(EligibilityReason.NOT_REGISTERED);
    }

    @Test
    @DisplayName("Given scope ALL, then the group is never looked up")
    void allSkipsGroupLookup() {
        assertThat(decide(policy(Scope.ALL), user(true, "a@x.org", true), () -> {
            throw new AssertionError("group lookup not expected");
        })).isEqualTo(EligibilityReason.ELIGIBLE);
    }

    @Test
    @DisplayName("Given a cyclic parent chain, then membership gives up instead of looping")
    void cyclicParents() {
        GroupModel a = mock(GroupModel.class);
        GroupModel b = mock(GroupModel.class);
        when(a.getId()).thenReturn("a");
        when(b.getId()).thenReturn("b");
        when(a.getParent()).thenReturn(b);
        when(b.getParent()).thenReturn(a);

        assertThat(GroupMembership.isSelfOrDescendant(a, other)).isFalse();
    }

    @Test
    @DisplayName("Given an admin with email and security questions and N=1, then questions don't count and one "
            + "method is not enough")
    void adminNeedsTwoMethodsWithoutQuestions() {
        UserModel admin = user(true, "a@x.org", true);
        Policy policy = policy(Scope.ALL);
        Set<MethodKind> held = Set.of(MethodKind.EMAIL, MethodKind.SECURITY_QUESTIONS);

        assertThat(Eligibility.decide(policy, admin, () -> null, () -> held, () -> Requirement.forAccount(policy, true)))
                .isEqualTo(EligibilityReason.NOT_REGISTERED);
        assertThat(Eligibility.decide(policy, admin, () -> null, () -> held,
                () -> Requirement.forAccount(policy, false))).isEqualTo(EligibilityReason.ELIGIBLE);
    }

    private static EligibilityReason decide(Policy policy, UserModel user, Supplier<GroupModel> group) {
        Set<MethodKind> held = user != null && user.getEmail() != null && user.isEmailVerified()
                ? Set.of(MethodKind.EMAIL) : Set.of();
        return Eligibility.decide(policy, user, group, () -> held, () -> Requirement.forAccount(policy, false));
    }

    @Test
    @DisplayName("Given an account of Keycloak's own database, then the directory checks pass without asking for admin roles")
    void localAccount() {
        assertThat(Eligibility.onPremises(policy(Scope.ALL), Optional.empty(), () -> {
            throw new AssertionError("admin check not expected");
        })).isEqualTo(EligibilityReason.ELIGIBLE);
    }

    @Test
    @DisplayName("Given a WRITABLE federation and writeback on, then a federated user is eligible")
    void federatedWritable() {
        assertThat(Eligibility.onPremises(policy(Scope.ALL), federation(UserStorageProvider.EditMode.WRITABLE),
                () -> false)).isEqualTo(EligibilityReason.ELIGIBLE);
    }

    @Test
    @DisplayName("Given a federated admin, then refused as an on-premises admin, before writeback is looked at")
    void federatedAdmin() {
        assertThat(Eligibility.onPremises(policy(Scope.ALL), federation(UserStorageProvider.EditMode.WRITABLE),
                () -> true)).isEqualTo(EligibilityReason.FEDERATED_ADMIN);
    }

    @Test
    @DisplayName("Given writeback off, or a READ_ONLY or UNSYNCED federation, then the password is managed on-premises")
    void managedOnPremises() {
        assertThat(Eligibility.onPremises(policy(Scope.ALL, false), federation(UserStorageProvider.EditMode.WRITABLE),
                () -> false)).isEqualTo(EligibilityReason.PASSWORD_MANAGED_ON_PREMISES);
        assertThat(Eligibility.onPremises(policy(Scope.ALL), federation(UserStorageProvider.EditMode.READ_ONLY),
                () -> false)).isEqualTo(EligibilityReason.PASSWORD_MANAGED_ON_PREMISES);
        assertThat(Eligibility.onPremises(policy(Scope.ALL), federation(UserStorageProvider.EditMode.UNSYNCED),
                () -> false)).isEqualTo(EligibilityReason.PASSWORD_MANAGED_ON_PREMISES);
    }

    private static Optional<FederationLink> federation(UserStorageProvider.EditMode mode) {
        return Optional.of(new FederationLink("ldap-1", true, Optional.of(mode), "other"));
    }

    private static Policy policy(Scope scope) {
        return policy(scope, true);
    }

    private static Policy policy(Scope scope, boolean writeback) {
        return policy(scope, writeback, false);
    }

    private static Policy policy(Scope scope, boolean writeback, boolean unlock) {
        return PolicySettings.parse(Map.of(PolicySettings.ENABLED_FOR, scope.name(), PolicySettings.GROUP, "/pilot",
                PolicySettings.WRITEBACK, Boolean.toString(writeback), PolicySettings.UNLOCK, Boolean.toString(unlock)));
    }

    private static UserModel permanentlyLocked(UserModel user) {
        when(user.getFirstAttribute(UserModel.DISABLED_REASON))
                .thenReturn(BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT);
        return user;
    }

    private static GroupModel group(String id, GroupModel parent) {
        GroupModel group = mock(GroupModel.class);
        when(group.getId()).thenReturn(id);
        when(group.getParent()).thenReturn(parent);
        return group;
    }

    private static UserModel user(boolean enabled, String email, boolean verified, GroupModel... groups) {
        UserModel user = mock(UserModel.class);
        when(user.isEnabled()).thenReturn(enabled);
        when(user.getEmail()).thenReturn(email);
        when(user.isEmailVerified()).thenReturn(verified);
        when(user.getGroupsStream()).thenAnswer(invocation -> Stream.of(groups));
        return user;
    }

}
