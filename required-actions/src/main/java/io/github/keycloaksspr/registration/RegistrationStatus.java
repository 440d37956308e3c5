package io.github.keycloaksspr.registration;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.method.MethodKind.Factor;
import io.github.keycloaksspr.method.RegisteredMethods;
import io.github.keycloaksspr.method.Registration;
import io.github.keycloaksspr.method.Requirement;
import io.github.keycloaksspr.policy.Policy;

/**
 * One user's registration as the policy sees it now: which methods they may register (admins: never security
 * questions), which they hold, what an admin pre-filled, and how many make them registered.
 *
 * @param offered    the methods the user may register, in page order
 * @param registered what the user holds among {@code offered}, with what the page shows of each
 * @param prefilled  pre-filled data for offered methods the user doesn't hold yet
 * @param needed     how many distinct methods make the user registered
 * @param admin      whether the admin rule applies
 */
record RegistrationStatus(List<Factor> offered, Map<Factor, String> registered, Map<Factor, Prefill.Value> prefilled,
                          int needed, boolean admin) {

    RegistrationStatus {
        offered = List.copyOf(offered);
        registered = Map.copyOf(registered);
        prefilled = Map.copyOf(prefilled);
    }

    static RegistrationStatus of(KeycloakSession session, RealmModel realm, UserModel user, Policy policy,
                                 RegistrationSettings settings) {
        Requirement requirement = Requirement.of(session, realm, policy, user);
        Set<Factor> offered = EnumSet.noneOf(Factor.class);
        requirement.methods().forEach(kind -> offered.add(kind.factor()));
        Map<Factor, String> registered = new EnumMap<>(Factor.class);
        for (Map.Entry<MethodKind, Registration> held : RegisteredMethods.usable(session, realm, user, policy,
                requirement.methods()).entrySet()) {
            registered.putIfAbsent(held.getKey().factor(), held.getValue().masked());
        }
        Map<Factor, Prefill.Value> prefilled = new EnumMap<>(Prefill.of(user));
        prefilled.keySet().retainAll(offered);
        prefilled.keySet().removeAll(registered.keySet());
        // a number the realm cannot reach with the methods it offers would keep everyone unregistered forever; a
        // user who can't hold what the reset needs (an admin where only one method is not questions) isn't asked
        int needed = offered.size() < requirement.count() ? 0
                : Math.min(settings.toRegisterFor(requirement.count()), offered.size());
        return new RegistrationStatus(List.copyOf(offered), registered, prefilled, needed, requirement.admin());
    }

    long held() {
        return registered.size();
    }

    boolean complete() {
        return needed > 0 && held() >= needed;
    }

    boolean offers(Factor factor) {
        return offered.contains(factor);
    }
}
