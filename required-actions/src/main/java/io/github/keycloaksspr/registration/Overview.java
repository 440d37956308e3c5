package io.github.keycloaksspr.registration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.authentication.requiredactions.util.CredentialDeleteHelper;
import org.keycloak.common.util.Time;
import org.keycloak.models.ModelException;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

import io.github.keycloaksspr.audit.AuditActivity;
import io.github.keycloaksspr.audit.AuditResult;
import io.github.keycloaksspr.audit.EventDetails;
import io.github.keycloaksspr.method.ConsoleActions;
import io.github.keycloaksspr.method.EmailCredentials;
import io.github.keycloaksspr.method.MethodKind.Factor;
import io.github.keycloaksspr.method.PhoneCredentials;
import io.github.keycloaksspr.questions.SecurityQuestionsCredentialModel;

/**
 * The registration page: every method the user may register, what they hold of each (masked), "Set up", "Change",
 * "Confirm" for what an admin pre-filled, "Remove", and "Looks good" once they hold enough. Finishing records the
 * date, which is what reconfirmation counts from.
 */
final class Overview {

    static final String TEMPLATE = "sspr-register.ftl";
    /** When the user last finished registration or confirmed it, epoch millis. */
    static final String CONFIRMED_AT = "sspr.registration.confirmed-at";
    static final String TRIGGER_NOTE = "sspr.reg.trigger";
    static final String SKIPPED_NOTE = "sspr.reg.skipped";

    private static final Logger LOG = Logger.getLogger(Overview.class);

    private Overview() {
    }

    static Response show(Registering registering, PageLine line) {
        registering.state().showing(RegistrationState.OVERVIEW);
        RegistrationStatus status = registering.status();
        Optional<Factor> removal = registering.state().pendingRemoval();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Factor factor : status.offered()) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", factor.id());
            String registered = status.registered().get(factor);
            Prefill.Value prefilled = status.prefilled().get(factor);
            row.put("state", registered != null ? "registered" : prefilled != null ? "prefilled" : "missing");
            row.put("value", registered != null ? registered : prefilled != null ? prefilled.masked() : "");
            row.put("removable", registered != null && credentialId(registering.user(), factor).isPresent());
            rows.add(row);
        }
        String trigger = registering.context().getAuthenticationSession().getAuthNote(TRIGGER_NOTE);
        return line.applyTo(registering.form()
                        .setAttribute("ssprRows", rows)
                        .setAttribute("ssprHeld", status.held())
                        .setAttribute("ssprNeeded", status.needed())
                        .setAttribute("ssprComplete", status.complete())
                        .setAttribute("ssprTitle", title(registering, status, trigger))
                        .setAttribute("ssprCanSkip", registering.settings().allowSkip() && !registering.appInitiated())
                        .setAttribute("ssprPendingRemoval", removal.map(Factor::id).orElse("")))
                .createForm(TEMPLATE);
    }

    /**
     * Which heading the page carries: Entra's "Don't lose access" for pre-filled data, a question when reconfirming,
     * a plain "your security info" when a registered user opened it from the account console.
     */
    private static String title(Registering registering, RegistrationStatus status, String trigger) {
        if (!status.prefilled().isEmpty() && !status.complete()) {
            return "prefilled";
        }
        if (status.complete() && Trigger.RECONFIRM.name().equals(trigger)) {
            return "reconfirm";
        }
        return status.complete() && registering.appInitiated() ? "manage" : "register";
    }

    /** A post on this page. */
    static Response process(Registering registering, String action) {
        int colon = action.indexOf(':');
        String verb = colon < 0 ? action : action.substring(0, colon);
        Optional<Factor> factor = colon < 0 ? Optional.empty() : Factor.fromId(action.substring(colon + 1));
        if (!"remove".equals(verb)) {
            registering.state().pendingRemoval(null);
        }
        RegistrationStatus status = registering.status();
        if (("setup".equals(verb) || "confirm".equals(verb) || "remove".equals(verb))
                && ProveFirst.needed(registering, status)) {
            return ProveFirst.ask(registering, action, PageLine.NONE);
        }
        return switch (verb) {
            case "setup" -> factor.filter(status::offers).map(chosen -> setup(registering, chosen))
                    .orElseGet(() -> show(registering, PageLine.error("ssprRegisterMethodUnavailable")));
            case "confirm" -> factor.filter(status.prefilled()::containsKey)
                    .map(chosen -> ContactSetup.confirmPrefilled(registering, chosen, status.prefilled().get(chosen)))
                    .orElseGet(() -> show(registering, PageLine.NONE));
            case "remove" -> factor.filter(status::offers).map(chosen -> remove(registering, chosen))
                    .orElseGet(() -> show(registering, PageLine.NONE));
            case "done" -> done(registering, status);
            case "skip" -> skip(registering);
            default -> show(registering, PageLine.NONE);
        };
    }

    static Response setup(Registering registering, Factor factor) {
        return switch (factor) {
            case EMAIL, MOBILE_PHONE, OFFICE_PHONE -> ContactSetup.page(registering, factor, PageLine.NONE);
            case AUTHENTICATOR_APP -> AppSetup.page(registering, PageLine.NONE);
            case SECURITY_QUESTIONS -> QuestionsSetup.page(registering, List.of(), Map.of());
        };
    }

    /**
     * After one method was stored: an application that asked for just this method gets the user back at once;
     * otherwise the overview says it worked.
     */
    static Response afterSetup(Registering registering, Factor factor) {
        if (registering.requestedFactor().filter(factor::equals).isPresent()) {
            RegistrationStatus status = registering.status();
            if (status.complete()) {
                confirm(registering, status, "method_added");
            }
            registering.context().success();
            return null;
        }
        return show(registering, PageLine.success("ssprRegisterSaved_" + factor.id()));
    }

    private static Response done(Registering registering, RegistrationStatus status) {
        if (!status.complete()) {
            return show(registering, PageLine.error("ssprRegisterNeedMore", status.needed()));
        }
        String trigger = registering.context().getAuthenticationSession().getAuthNote(TRIGGER_NOTE);
        confirm(registering, status, Trigger.RECONFIRM.name().equals(trigger) ? "reconfirmed" : "registered");
        registering.context().success();
        return null;
    }

    private static void confirm(Registering registering, RegistrationStatus status, String reason) {
        try {
            registering.user().setSingleAttribute(CONFIRMED_AT, Long.toString(Time.currentTimeMillis()));
        } catch (ModelException e) {
            // a directory that refuses the attribute must not keep the user from signing in; they are asked again
            LOG.warnf("Could not record the registration date of user %s: %s", registering.user().getId(),
                    e.getMessage());
        }
        registering.finished(status, reason);
    }

    /** Entra's skip: sign-in goes on, nothing is recorded as confirmed, and the next sign-in asks again. */
    private static Response skip(Registering registering) {
        if (!registering.settings().allowSkip() || registering.appInitiated()) {
            return show(registering, PageLine.error("ssprRegisterSkipNotAllowed"));
        }
        // Keycloak evaluates triggers again after every finished action; this sign-in must not ask twice
        registering.context().getAuthenticationSession().setAuthNote(SKIPPED_NOTE, "true");
        registering.context().getEvent().detail(EventDetails.REASON, "skipped");
        registering.context().success();
        return null;
    }

    /** Removes a method; one the user can't spare to reset is removed only once they were warned and confirm. */
    private static Response remove(Registering registering, Factor factor) {
        Optional<String> credential = credentialId(registering.user(), factor);
        if (credential.isEmpty()) {
            return show(registering, PageLine.NONE);
        }
        boolean confirmed = registering.state().pendingRemoval().filter(factor::equals).isPresent();
        if (!confirmed && ConsoleActions.leavesTooFew(registering.session(), registering.realm(),
                registering.user(), factor)) {
            registering.state().pendingRemoval(factor);
            return show(registering, PageLine.warning("ssprRegisterRemoveWarning_" + factor.id()));
        }
        registering.state().pendingRemoval(null);
        try {
            if (factor == Factor.AUTHENTICATOR_APP) {
                // the app is also a sign-in factor: Keycloak's own removal refuses it to a sign-in weaker than the
                // level the app gives (password only where step-up asks for the app), as the account console does
                CredentialDeleteHelper.removeCredential(registering.session(), registering.user(), credential.get(),
                        () -> new AcrStore(registering.session(), registering.context().getAuthenticationSession())
                                .getLevelOfAuthenticationFromCurrentAuthentication());
            } else {
                registering.user().credentialManager().removeStoredCredentialById(credential.get());
            }
        } catch (WebApplicationException e) {
            registering.refused(factor, "remove_refused");
            return show(registering, PageLine.error("ssprRegisterRemoveRefused"));
        }
        registering.audit().activity(AuditActivity.USER_REGISTERED, registering.user(),
                factor.id(), AuditResult.SUCCESS, "method_removed");
        return show(registering, PageLine.success("ssprRegisterRemoved_" + factor.id()));
    }

    /** The credential that holds {@code factor}; the account's own email address is not this page's to remove. */
    static Optional<String> credentialId(UserModel user, Factor factor) {
        String type = switch (factor) {
            case EMAIL -> EmailCredentials.TYPE;
            case MOBILE_PHONE -> PhoneCredentials.MOBILE_TYPE;
            case OFFICE_PHONE -> PhoneCredentials.OFFICE_TYPE;
            case AUTHENTICATOR_APP -> OTPCredentialModel.TYPE;
            case SECURITY_QUESTIONS -> SecurityQuestionsCredentialModel.TYPE;
        };
        return user.credentialManager().getStoredCredentialsByTypeStream(type)
                .reduce((first, second) -> second)
                .map(credential -> credential.getId());
    }
}
