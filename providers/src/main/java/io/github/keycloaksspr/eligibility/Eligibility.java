package io.github.keycloaksspr.eligibility;

import java.util.Set;
import java.util.function.Supplier;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.method.RegisteredMethods;
import io.github.keycloaksspr.method.Requirement;
import io.github.keycloaksspr.policy.Policy;

/** Entra's checks, in Entra's order: does the account exist and work, is it in scope, has it registered enough. */
public final class Eligibility {

    private Eligibility() {
    }

    public static EligibilityReason decide(KeycloakSession session, RealmModel realm, Policy policy, UserModel user) {
        return decide(policy, user, () -> KeycloakModelUtils.findGroupByPath(session, realm, policy.groupPath()),
                () -> RegisteredMethods.of(session, realm, user, policy).keySet(),
                () -> Requirement.of(session, realm, policy, user));
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
        if (!user.isEnabled()) {
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
}
