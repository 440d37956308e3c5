package io.github.keycloaksspr.method;

import java.util.EnumSet;
import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.github.keycloaksspr.policy.Policy;
import io.github.keycloaksspr.privilege.AdminAccounts;

/**
 * What one account must prove: the realm's N of its methods, except for admins, who always prove two methods and
 * never security questions, whatever the realm's settings (Entra's two-gate policy for administrator roles).
 *
 * @param count   how many distinct factors must be proven
 * @param methods the methods this account may use
 * @param admin   whether the stricter admin rule applied
 */
public record Requirement(int count, Set<MethodKind> methods, boolean admin) {

    static final int ADMIN_COUNT = 2;

    public Requirement {
        methods = methods.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(methods));
    }

    public static Requirement of(KeycloakSession session, RealmModel realm, Policy policy, UserModel user) {
        boolean admin = new AdminAccounts(session, realm, policy.adminRoles()).isAdmin(user);
        return forAccount(policy, admin);
    }

    public static Requirement forAccount(Policy policy, boolean admin) {
        if (!admin) {
            return new Requirement(policy.methodsRequired(), policy.methods(), false);
        }
        Set<MethodKind> methods = policy.methods().isEmpty() ? EnumSet.noneOf(MethodKind.class)
                : EnumSet.copyOf(policy.methods());
        methods.remove(MethodKind.SECURITY_QUESTIONS);
        return new Requirement(Math.max(ADMIN_COUNT, policy.methodsRequired()), methods, true);
    }

    /** Distinct factors among {@code kinds}: a mobile phone proven by SMS and by a call counts once. */
    public static long factors(Set<MethodKind> kinds) {
        return kinds.stream().map(MethodKind::factor).distinct().count();
    }

    /** Whether {@code held} methods are enough to meet this requirement. */
    public boolean satisfiableWith(Set<MethodKind> held) {
        Set<MethodKind> usable = held.isEmpty() ? EnumSet.noneOf(MethodKind.class) : EnumSet.copyOf(held);
        usable.retainAll(methods);
        return factors(usable) >= count;
    }

    /** Whether {@code proven} methods already meet this requirement. */
    public boolean metBy(Set<MethodKind> proven) {
        return satisfiableWith(proven);
    }
}
