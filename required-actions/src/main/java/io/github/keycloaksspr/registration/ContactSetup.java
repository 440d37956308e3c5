package io.github.keycloaksspr.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.method.EmailCredentials;
import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.method.MethodKind.Factor;
import io.github.keycloaksspr.phone.ParsedPhone;
import io.github.keycloaksspr.phone.PhoneNumber;
import io.github.keycloaksspr.phone.PhoneNumbers;
import io.github.keycloaksspr.registration.RegistrationState.Target;

/**
 * The page where a user types an email address or a phone number to register; a code then goes there
 * ({@link CodeStep}). Mobile phones take a text or a call, as the realm allows; office phones a call, with an
 * optional extension.
 */
final class ContactSetup {

    static final String EMAIL_TEMPLATE = "sspr-register-email.ftl";
    static final String PHONE_TEMPLATE = "sspr-register-phone.ftl";
    static final String EMAIL_FIELD = "sspr-email";
    static final String PHONE_FIELD = "sspr-phone";
    static final String EXTENSION_FIELD = "sspr-extension";
    static final String CHANNEL_FIELD = "sspr-channel";

    private ContactSetup() {
    }

    static Response page(Registering registering, Factor factor, PageLine line) {
        registering.state().showing(factor.id());
        if (factor == Factor.EMAIL) {
            return registering.page(EMAIL_TEMPLATE, line);
        }
        return line.applyTo(registering.form()
                        .setAttribute("ssprFactor", factor.id())
                        .setAttribute("ssprChannels", channels(registering, factor)))
                .createForm(PHONE_TEMPLATE);
    }

    /** A post on the entry page: send a code to what was typed, or go back. */
    static Response process(Registering registering, Factor factor, String action) {
        if ("back".equals(action)) {
            return Overview.show(registering, PageLine.NONE);
        }
        if (!"send".equals(action)) {
            return page(registering, factor, PageLine.NONE);
        }
        Optional<Target> target;
        PageLine problem;
        if (factor == Factor.EMAIL) {
            target = EmailCredentials.normalise(registering.field(EMAIL_FIELD, EmailCredentials.MAX_LENGTH + 1))
                    .map(address -> new Target(Factor.EMAIL, "email", address, "", false));
            problem = PageLine.fieldError(EMAIL_FIELD, "ssprRegisterEmailInvalid");
        } else {
            ParsedPhone parsed = PhoneNumbers.parse(registering.field(PHONE_FIELD, PhoneNumbers.MAX_LENGTH + 1), null);
            String channel = factor == Factor.OFFICE_PHONE ? "voice" : registering.field(CHANNEL_FIELD, 8);
            if (!channels(registering, factor).contains(channel)) {
                return page(registering, factor, PageLine.fieldError(CHANNEL_FIELD, "ssprRegisterChannelMissing"));
            }
            problem = PageLine.fieldError(PHONE_FIELD, "ssprRegisterPhone_" + parsed.problem()
                    .map(Enum::name).orElse("NOT_MOBILE"));
            target = parsed.number()
                    .flatMap(number -> withExtension(registering, factor, number))
                    .filter(number -> factor == Factor.OFFICE_PHONE || !"sms".equals(channel)
                            || PhoneNumbers.isMobileCapable(number))
                    .map(number -> new Target(factor, channel, number.e164(), number.extension(), false));
            if (parsed.number().isPresent() && withExtension(registering, factor, parsed.number().get()).isEmpty()) {
                problem = PageLine.fieldError(EXTENSION_FIELD, "ssprRegisterExtensionInvalid");
            }
        }
        if (target.isEmpty()) {
            return page(registering, factor, problem);
        }
        CodeStep.Outcome outcome = CodeStep.send(registering, target.get());
        return outcome.response().orElseGet(() -> page(registering, factor, outcome.line()));
    }

    /** Sends a code to what an admin pre-filled; the user confirms it is theirs by entering it. */
    static Response confirmPrefilled(Registering registering, Factor factor, Prefill.Value value) {
        String channel = switch (factor) {
            case EMAIL -> "email";
            case OFFICE_PHONE -> "voice";
            default -> channels(registering, factor).get(0);
        };
        CodeStep.Outcome outcome = CodeStep.send(registering,
                new Target(factor, channel, value.destination(), value.extension(), true));
        return outcome.response().orElseGet(() -> Overview.show(registering, outcome.line()));
    }

    /** Office phones may carry an extension typed in its own field or after the number; mobiles never do. */
    private static Optional<PhoneNumber> withExtension(Registering registering, Factor factor, PhoneNumber number) {
        if (factor != Factor.OFFICE_PHONE) {
            return Optional.of(new PhoneNumber(number.e164(), ""));
        }
        String typed = registering.field(EXTENSION_FIELD, 16);
        if (typed.isEmpty()) {
            return Optional.of(number);
        }
        if (!typed.matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return Optional.of(new PhoneNumber(number.e164(), typed));
    }

    /** How a code may reach this kind of phone under the realm's policy, in the order the page offers them. */
    static List<String> channels(Registering registering, Factor factor) {
        List<String> channels = new ArrayList<>();
        if (factor == Factor.OFFICE_PHONE) {
            channels.add("voice");
            return channels;
        }
        if (registering.policy().methods().contains(MethodKind.MOBILE_SMS)) {
            channels.add("sms");
        }
        if (registering.policy().methods().contains(MethodKind.MOBILE_VOICE)) {
            channels.add("voice");
        }
        return channels;
    }
}
