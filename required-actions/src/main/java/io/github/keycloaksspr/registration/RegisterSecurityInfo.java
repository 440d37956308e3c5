package io.github.keycloaksspr.registration;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.models.Constants;
import org.keycloak.models.UserModel;

import io.github.keycloaksspr.eligibility.Eligibility;
import io.github.keycloaksspr.method.MethodKind.Factor;
import io.github.keycloaksspr.policy.Policy;
import io.github.keycloaksspr.policy.PolicyResolver;

/**
 * Asks users at sign-in to register their reset methods, and registered users to reconfirm them when due; the
 * account console starts it to add or change one method. It holds no state: where the user is lives in the
 * authentication session ({@link RegistrationState}).
 */
final class RegisterSecurityInfo implements RequiredActionProvider {

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        UserModel user = context.getUser();
        if (user == null || user.getServiceAccountClientLink() != null || !user.isEnabled()
                || context.getAuthenticationSession().getAuthNote(Overview.SKIPPED_NOTE) != null
                // an application asked for an action of its own (the account console's "Update password", say):
                // that is not a sign-in, and registration must not stand in its way
                || context.getAuthenticationSession().getClientNote(Constants.KC_ACTION) != null) {
            return;
        }
        Policy policy = PolicyResolver.resolve(context.getSession(), context.getRealm());
        RegistrationSettings settings = RegistrationSettings.parse(
                context.getConfig() == null ? null : context.getConfig().getConfig());
        boolean inScope = Eligibility.inScope(context.getSession(), context.getRealm(), policy, user);
        if (!settings.enforce() || !inScope
                || Eligibility.refusedWhateverRegistered(context.getSession(), context.getRealm(), policy, user)) {
            return;
        }
        RegistrationStatus status = RegistrationStatus.of(context.getSession(), context.getRealm(), user, policy,
                settings);
        Trigger trigger = Trigger.decide(settings, true, status.held(), status.needed(), confirmedAt(user),
                Time.currentTimeMillis());
        if (trigger != Trigger.NONE) {
            // on the authentication session only: a skipped registration leaves nothing behind on the account
            context.getAuthenticationSession().setAuthNote(Overview.TRIGGER_NOTE, trigger.name());
            context.getAuthenticationSession().addRequiredAction(RegisterSecurityInfoFactory.ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        Registering registering = new Registering(context);
        RegistrationStatus status = registering.status();
        if (status.offered().isEmpty()) {
            // nothing can be registered under the current policy: never hold a sign-in hostage to that
            context.success();
            return;
        }
        Response response = registering.requestedFactor()
                .filter(status::offers)
                .filter(factor -> RegistrationState.OVERVIEW.equals(registering.state().page()))
                .map(factor -> Overview.process(registering, "setup:" + factor.id()))
                .orElseGet(() -> current(registering));
        context.challenge(response);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        Registering registering = new Registering(context);
        String action = registering.field(Registering.ACTION, 64);
        String page = registering.state().page();
        Response response;
        if (RegistrationState.OVERVIEW.equals(page)) {
            response = Overview.process(registering, action);
        } else if (RegistrationState.CODE.equals(page)) {
            response = CodeStep.process(registering, action);
        } else if (RegistrationState.PROVE.equals(page)) {
            response = ProveFirst.process(registering, action);
        } else {
            response = Factor.fromId(page).filter(registering.status()::offers)
                    .map(factor -> switch (factor) {
                        case EMAIL, MOBILE_PHONE, OFFICE_PHONE -> ContactSetup.process(registering, factor, action);
                        case AUTHENTICATOR_APP -> AppSetup.process(registering, action);
                        case SECURITY_QUESTIONS -> QuestionsSetup.process(registering, action);
                    })
                    .orElseGet(() -> Overview.show(registering, PageLine.NONE));
        }
        if (response != null) {
            context.challenge(response);
        }
    }

    /** The page the user was on, shown again: a reload or a page posted out of turn lands here. */
    private static Response current(Registering registering) {
        String page = registering.state().page();
        if (RegistrationState.PROVE.equals(page)) {
            return ProveFirst.page(registering, PageLine.NONE);
        }
        if (RegistrationState.CODE.equals(page)) {
            return registering.state().target()
                    .map(target -> CodeStep.page(registering, target, PageLine.NONE))
                    .orElseGet(() -> Overview.show(registering, PageLine.NONE));
        }
        return Factor.fromId(page).filter(registering.status()::offers)
                .map(factor -> switch (factor) {
                    case EMAIL, MOBILE_PHONE, OFFICE_PHONE -> ContactSetup.page(registering, factor, PageLine.NONE);
                    case AUTHENTICATOR_APP -> AppSetup.page(registering, PageLine.NONE);
                    case SECURITY_QUESTIONS -> QuestionsSetup.page(registering, List.of(), Map.of());
                })
                .orElseGet(() -> Overview.show(registering, PageLine.NONE));
    }

    private static Long confirmedAt(UserModel user) {
        String value = user.getFirstAttribute(Overview.CONFIRMED_AT);
        try {
            return value == null ? null : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() {
        // holds nothing
    }
}
