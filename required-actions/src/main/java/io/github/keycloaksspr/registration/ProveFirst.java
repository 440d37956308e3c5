package io.github.keycloaksspr.registration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.method.MethodKind.Factor;
import io.github.keycloaksspr.method.PhoneCredentials;
import io.github.keycloaksspr.method.RegisteredMethods;
import io.github.keycloaksspr.method.Registration;
import io.github.keycloaksspr.method.Requirement;
import io.github.keycloaksspr.registration.RegistrationState.Target;

/**
 * Once a user is registered, what they registered is what lets them reset a password; a password alone must not
 * change it. As Entra asks for a method before security info changes, the user first proves one of their registered
 * methods (a code to the email or a phone they hold, or one from their app), once per sign-in.
 */
final class ProveFirst {

    static final String TEMPLATE = "sspr-register-prove.ftl";
    private static final List<MethodKind> PROVABLE = List.of(MethodKind.EMAIL, MethodKind.MOBILE_SMS,
            MethodKind.MOBILE_VOICE, MethodKind.OFFICE_VOICE, MethodKind.AUTHENTICATOR_APP);

    private ProveFirst() {
    }

    /** Whether {@code action} on the overview must wait for a proof: a registered user changing what they hold. */
    static boolean needed(Registering registering, RegistrationStatus status) {
        return status.complete() && !registering.state().proven() && !options(registering).isEmpty();
    }

    /** Remembers what the user asked for and shows the methods they may prove first. */
    static Response ask(Registering registering, String intent, PageLine line) {
        registering.state().intent(intent);
        return page(registering, line);
    }

    static Response page(Registering registering, PageLine line) {
        registering.state().showing(RegistrationState.PROVE);
        List<Map<String, String>> methods = new ArrayList<>();
        options(registering).forEach((kind, registration) -> {
            Map<String, String> method = new HashMap<>();
            method.put("id", kind.id());
            method.put("destination", registration.masked());
            methods.add(method);
        });
        return line.applyTo(registering.form().setAttribute("ssprProveMethods", methods)).createForm(TEMPLATE);
    }

    /** A post on the proof page: a method to prove, or back to the overview. */
    static Response process(Registering registering, String action) {
        if ("back".equals(action)) {
            registering.state().intent(null);
            return Overview.show(registering, PageLine.NONE);
        }
        Optional<MethodKind> kind = action.startsWith("prove:")
                ? MethodKind.fromId(action.substring("prove:".length())) : Optional.empty();
        Optional<Registration> registration = kind.map(options(registering)::get);
        if (registration.isEmpty()) {
            return page(registering, PageLine.NONE);
        }
        Target target = target(registering, kind.get(), registration.get());
        if (kind.get() == MethodKind.AUTHENTICATOR_APP) {
            // nothing to send: the code page asks for what the app shows
            registering.state().clearCode();
            registering.state().proofTarget(target);
            registering.state().showing(RegistrationState.CODE);
            return CodeStep.page(registering, target, PageLine.NONE);
        }
        CodeStep.Outcome outcome = CodeStep.send(registering, target, true);
        return outcome.response().orElseGet(() -> page(registering, outcome.line()));
    }

    /** After a proof: what the user asked for before it. */
    static Response resume(Registering registering) {
        registering.state().proven(true);
        String intent = registering.state().intent().orElse("");
        registering.state().intent(null);
        return intent.isEmpty() ? Overview.show(registering, PageLine.NONE) : Overview.process(registering, intent);
    }

    /** The registered methods a code can prove now, with what the page shows of each. */
    private static Map<MethodKind, Registration> options(Registering registering) {
        Requirement requirement = Requirement.of(registering.session(), registering.realm(), registering.policy(),
                registering.user());
        Map<MethodKind, Registration> usable = RegisteredMethods.usable(registering.session(), registering.realm(),
                registering.user(), registering.policy(), requirement.methods());
        Map<MethodKind, Registration> options = new LinkedHashMap<>();
        PROVABLE.stream().filter(usable::containsKey).forEach(kind -> options.put(kind, usable.get(kind)));
        return options;
    }

    private static Target target(Registering registering, MethodKind kind, Registration registration) {
        return switch (kind) {
            case EMAIL -> new Target(Factor.EMAIL, "email", registration.address(), "", false);
            case MOBILE_SMS, MOBILE_VOICE -> PhoneCredentials.mobile(registering.user())
                    .map(phone -> new Target(Factor.MOBILE_PHONE, kind == MethodKind.MOBILE_SMS ? "sms" : "voice",
                            phone.number().e164(), "", false))
                    .orElseThrow();
            case OFFICE_VOICE -> PhoneCredentials.office(registering.user())
                    .map(phone -> new Target(Factor.OFFICE_PHONE, "voice", phone.number().e164(),
                            phone.number().extension(), false))
                    .orElseThrow();
            default -> new Target(Factor.AUTHENTICATOR_APP, "app", registration.address(), "", false);
        };
    }
}
