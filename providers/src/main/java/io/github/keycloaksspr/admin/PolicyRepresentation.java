package io.github.keycloaksspr.admin;

import java.util.List;

import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.policy.HelpdeskLink;
import io.github.keycloaksspr.policy.Policy;

/** The effective policy as the flow applies it, with any problems found in the stored settings. */
public record PolicyRepresentation(String enabledFor, String group, List<String> methods, int methodsRequired,
                                   String helpdesk, boolean captcha, boolean notifyUsers,
                                   boolean notifyAdmins, List<String> problems) {

    static PolicyRepresentation of(Policy policy) {
        return new PolicyRepresentation(policy.scope().name(), policy.groupPath(),
                policy.methods().stream().map(MethodKind::id).sorted().toList(), policy.methodsRequired(),
                policy.helpdesk().map(HelpdeskLink::href).orElse(null), policy.captcha(),
                policy.notifyUsers(), policy.notifyAdmins(), policy.problems());
    }
}
