package io.github.keycloaksspr.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.privilege.AdminRoleRef;
import io.github.keycloaksspr.questions.QuestionSettings;
import io.github.keycloaksspr.throttle.ThrottleSettings;
import io.github.keycloaksspr.twilio.TwilioSettings;

/**
 * One realm's self-service password reset policy, resolved once per request and handed to every component.
 *
 * @param scope           who may reset
 * @param groupPath       the selected group's path when {@code scope} is {@link Scope#SELECTED}, else empty
 * @param methods         the methods users may use
 * @param methodsRequired how many distinct methods a user must prove (N in "N of M")
 * @param helpdesk        the organisation's helpdesk link, if configured and valid
 * @param captcha         whether the choose-user page asks for a proof-of-work CAPTCHA
 * @param codeLifetime    how long a one-time code proves anything
 * @param notifyUsers     whether a user gets a mail after any reset of their password
 * @param notifyAdmins    whether every other admin gets a mail when an admin account resets through SSPR
 * @param adminRoles      the roles that make an account an admin: two methods, never security questions
 * @param throttles       the attempt caps and send limits, Entra's figures unless an admin changed them
 * @param questions       how many security questions users register and answer, and the admin's own questions
 * @param twilio          the Twilio account texts and calls go through; empty when no phone method is usable
 * @param writeback       whether directory-federated users may reset, their new password written to the directory
 * @param unlock          whether a locked user may, after verification, unlock the account without a new password
 * @param problems        what was wrong with the stored settings; the policy above already falls back safely
 */
public record Policy(Scope scope, String groupPath, Set<MethodKind> methods, int methodsRequired,
                     Optional<HelpdeskLink> helpdesk, boolean captcha, Duration codeLifetime,
                     boolean notifyUsers, boolean notifyAdmins, List<AdminRoleRef> adminRoles,
                     ThrottleSettings throttles, QuestionSettings questions, Optional<TwilioSettings> twilio,
                     boolean writeback, boolean unlock,
                     List<String> problems) {

    public Policy {
        methods = Set.copyOf(methods);
        adminRoles = List.copyOf(adminRoles);
        problems = List.copyOf(problems);
    }

    /** The same policy switched off, with one more problem saying why. */
    public Policy disabledBecause(String problem) {
        List<String> more = new ArrayList<>(problems);
        more.add(problem);
        return new Policy(Scope.NONE, groupPath, methods, methodsRequired, helpdesk, captcha, codeLifetime,
                notifyUsers, notifyAdmins, adminRoles, throttles, questions, twilio, writeback, unlock, more);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
