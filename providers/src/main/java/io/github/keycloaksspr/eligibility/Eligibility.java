package io.github.keycloaksspr.eligibility;

import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import io.github.keycloaksspr.directory.FederationLink;
import io.github.keycloaksspr.lockout.AccountLocks;
import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.method.RegisteredMethods;
import io.github.keycloaksspr.method.Requirement;
import io.github.keycloaksspr.policy.Policy;
import io.github.keycloaksspr.privilege.AdminAccounts;

/**
 * Entra's checks, in Entra's order: does the account exist and work (a permanently locked-out account counts as
 * working: SSPR exists to let it back in), is it in scope, has it registered enough, and, for a directory-federated
 * account, is it an admin, can its new password reach the directory. The last two refuse an account whatever it
 * registered, so they are named ahead of "not registered" when both apply.
 */
public final class Eligibility {

    private Eligibility() {
    }

    public static EligibilityReason decide(KeycloakSession session, RealmModel realm, Policy policy, UserModel user) {
        EligibilityReason reason = decide(policy, user,
                () -> KeycloakModelUtils.findGroupByPath(session, realm, policy.groupPath()),
                () -> RegisteredMethods.of(session, realm, user, policy).keySet(),
                () -> Requirement.of(session, realm, policy, user));
        if (reason != EligibilityReason.ELIGIBLE && reason != EligibilityReason.NOT_REGISTERED) {
            return reason;
        }
        // a directory-managed account is refused whatever it registered, so the audit names that, not the methods
        EligibilityReason onPremises = onPremises(policy, FederationLink.of(realm, user),
                () -> new AdminAccounts(session, realm, policy.adminRoles()).isAdmin(user));
        return onPremises != EligibilityReason.ELIGIBLE ? onPremises : reason;
    }

    /**
     * The decision itself; the selected group, the user's methods and the admin check are looked up only when an
     * earlier check has passed.
     */
    static EligibilityReason decide(Policy policy, UserModel user, Supplier<GroupModel> selectedGroup,
                                    Supplier<Set<MethodKind>> held, Supplier<Requirement> requirement) {
        if (user == null || user.getServiceAccountClientLink() != null) {
            return EligibilityReason.USER_NOT_FOUND;
        }
        // a permanent brute-force lockout is what a reset or an unlock lifts; an admin's disable is not
        if (!user.isEnabled() && !AccountLocks.disabledByLockout(user)) {
            return EligibilityReason.USER_DISABLED;
        }
        if (!inScope(policy, user, selectedGroup)) {
            return EligibilityReason.NOT_ENABLED;
        }
        if (!requirement.get().satisfiableWith(held.get())) {
            return EligibilityReason.NOT_REGISTERED;
        }
        return EligibilityReason.ELIGIBLE;
    }

    /**
     * Whether the reset refuses {@code user} whatever they register: a directory-federated admin, or an account whose
     * password the directory keeps without writeback. Asking such a user to register would promise what never comes.
     */
    public static boolean refusedWhateverRegistered(KeycloakSession session, RealmModel realm, Policy policy,
                                                    UserModel user) {
        return onPremises(policy, FederationLink.of(realm, user),
                () -> new AdminAccounts(session, realm, policy.adminRoles()).isAdmin(user)) != EligibilityReason.ELIGIBLE;
    }

    /** Whether the policy's scope (nobody, a group and its subgroups, everyone) takes in {@code user}. */
    public static boolean inScope(KeycloakSession session, RealmModel realm, Policy policy, UserModel user) {
        return inScope(policy, user, () -> KeycloakModelUtils.findGroupByPath(session, realm, policy.groupPath()));
    }

    private static boolean inScope(Policy policy, UserModel user, Supplier<GroupModel> selectedGroup) {
        return switch (policy.scope()) {
            case NONE -> false;
            case ALL -> true;
            case SELECTED -> {
                GroupModel group = selectedGroup.get();
                yield group != null && GroupMembership.isMemberOrNestedMember(user, group);
            }
        };
    }

    /** The checks for an account whose password a directory manages; a Keycloak-only account passes them all. */
    static EligibilityReason onPremises(Policy policy, Optional<FederationLink> link, BooleanSupplier admin) {
        if (link.isEmpty()) {
            return EligibilityReason.ELIGIBLE;
        }
        if (admin.getAsBoolean()) {
            return EligibilityReason.FEDERATED_ADMIN;
        }
        if (!policy.writeback() || !link.get().writesBack()) {
            return EligibilityReason.PASSWORD_MANAGED_ON_PREMISES;
        }
        return EligibilityReason.ELIGIBLE;
    }
}
