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
import io.github.keycloaksspr.policy.Policy;

/** Entra's checks, in Entra's order: does the account exist and work, is it in scope, has it registered enough. */
public final class Eligibility {

    private Eligibility() {
    }

    public static EligibilityReason decide(KeycloakSession session, RealmModel realm, Policy policy, UserModel user) {
        return decide(policy, user, () -> KeycloakModelUtils.findGroupByPath(session, realm, policy.groupPath()));
    }

    /** The decision itself; the selected group is looked up only when the scope needs it. */
    static EligibilityReason decide(Policy policy, UserModel user, Supplier<GroupModel> selectedGroup) {
        if (user == null || user.getServiceAccountClientLink() != null) {
            return EligibilityReason.USER_NOT_FOUND;
        }
        if (!user.isEnabled()) {
            return EligibilityReason.USER_DISABLED;
        }
        if (!inScope(policy, user, selectedGroup)) {
            return EligibilityReason.NOT_ENABLED;
        }
        Set<MethodKind> usable = RegisteredMethods.usable(user, policy.methods());
        if (usable.size() < policy.methodsRequired()) {
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
