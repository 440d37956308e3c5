package io.github.keycloaksspr.reset.verify;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.UserModel;

import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.method.Registration;
import io.github.keycloaksspr.method.RegisteredMethods;
import io.github.keycloaksspr.method.Requirement;
import io.github.keycloaksspr.policy.Policy;
import io.github.keycloaksspr.policy.PolicyResolver;
import io.github.keycloaksspr.reset.support.ResetPages;
import io.github.keycloaksspr.throttle.Throttles;

/**
 * One request's view of a verification: the policy, what this account must prove, what it holds and what it has
 * proven so far. Everything is read from the server side; the form only ever names a method to start.
 */
final class Attempt {

    static final String METHODS_TEMPLATE = "sspr-methods.ftl";

    private final AuthenticationFlowContext context;
    private final UserModel user;
    private final Policy policy;
    private final Requirement requirement;
    private final VerificationState state;
    private final Map<MethodKind, Registration> usable;
    private final Throttles throttles;

    private Attempt(AuthenticationFlowContext context, UserModel user, Policy policy, Requirement requirement,
                    VerificationState state, Map<MethodKind, Registration> usable) {
        this.context = context;
        this.user = user;
        this.policy = policy;
        this.requirement = requirement;
        this.state = state;
        this.usable = usable;
        this.throttles = Throttles.of(context.getSession(), context.getRealm(), policy.throttles());
    }

    /** The attempt of {@code user}, the account being reset, which need not be the flow's user. */
    static Attempt of(AuthenticationFlowContext context, ProofMethods methods, UserModel user) {
        Policy policy = PolicyResolver.resolve(context.getSession(), context.getRealm());
        Requirement requirement = Requirement.of(context.getSession(), context.getRealm(), policy, user);
        Map<MethodKind, Registration> usable = RegisteredMethods.usable(context.getSession(), context.getRealm(),
                user, policy, requirement.methods());
        usable.keySet().removeIf(kind -> !methods.supports(kind));
        return new Attempt(context, user, policy, requirement,
                new VerificationState(context.getAuthenticationSession()), usable);
    }

    AuthenticationFlowContext context() {
        return context;
    }

    UserModel user() {
        return user;
    }

    VerificationState state() {
        return state;
    }

    Throttles throttles() {
        return throttles;
    }

    Requirement requirement() {
        return requirement;
    }

    boolean met() {
        return requirement.metBy(state.proven(user().getId()));
    }

    /** Methods still worth proving: held, allowed, and not of a factor already proven. */
    Set<MethodKind> remaining() {
        Set<MethodKind> proven = state.proven(user().getId());
        Set<MethodKind.Factor> provenFactors = EnumSet.noneOf(MethodKind.Factor.class);
        proven.forEach(kind -> provenFactors.add(kind.factor()));
        Set<MethodKind> remaining = EnumSet.noneOf(MethodKind.class);
        usable.keySet().stream().filter(kind -> !provenFactors.contains(kind.factor())).forEach(remaining::add);
        return remaining;
    }

    /** A proof of {@code kind}, if this account may still prove it. */
    Optional<Proof> proof(MethodKind kind) {
        if (!remaining().contains(kind)) {
            return Optional.empty();
        }
        return Optional.of(new Proof(context, user, policy, requirement, state, usable.get(kind), throttles));
    }

    Response methodsPage(PageMessage message) {
        List<MethodOption> options = remaining().stream()
                .map(kind -> MethodOption.of(usable.get(kind))).toList();
        return message.applyTo(ResetPages.form(context, policy)
                        .setAttribute("ssprStep", state.provenCount(user().getId()) + 1)
                        .setAttribute("ssprSteps", requirement.count())
                        .setAttribute("ssprMethods", options))
                .createForm(METHODS_TEMPLATE);
    }
}
