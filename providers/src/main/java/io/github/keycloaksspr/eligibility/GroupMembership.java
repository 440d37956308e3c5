package io.github.keycloaksspr.eligibility;

import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/** Membership that counts nested groups: a member of a subgroup is a member of every group above it. */
final class GroupMembership {

    /** Guards against a corrupted, cyclic parent chain; real group trees are far shallower. */
    private static final int MAX_DEPTH = 100;

    private GroupMembership() {
    }

    static boolean isMemberOrNestedMember(UserModel user, GroupModel target) {
        return user.getGroupsStream().anyMatch(group -> isSelfOrDescendant(group, target));
    }

    static boolean isSelfOrDescendant(GroupModel group, GroupModel target) {
        GroupModel current = group;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (target.getId().equals(current.getId())) {
                return true;
            }
            current = current.getParent();
        }
        return false;
    }
}
