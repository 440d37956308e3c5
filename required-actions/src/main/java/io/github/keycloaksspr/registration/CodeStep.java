package io.github.keycloaksspr.registration;

import java.time.Duration;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.credential.OTPCredentialModel;

import io.github.keycloaksspr.audit.AuditActivity;
import io.github.keycloaksspr.audit.AuditResult;
import io.github.keycloaksspr.code.CodeCheck;
import io.github.keycloaksspr.code.OneTimeCode;
import io.github.keycloaksspr.delivery.CodePurpose;
import io.github.keycloaksspr.delivery.CodeSendFailure;
import io.github.keycloaksspr.delivery.EmailCodeSender;
import io.github.keycloaksspr.delivery.PhoneCodeSender;
import io.github.keycloaksspr.delivery.Texts;
import io.github.keycloaksspr.method.EmailCredentials;
import io.github.keycloaksspr.method.Masking;
import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.method.MethodKind.Factor;
import io.github.keycloaksspr.method.PhoneCredentials;
import io.github.keycloaksspr.phone.PhoneNumber;
import io.github.keycloaksspr.registration.RegistrationState.Target;
import io.github.keycloaksspr.secret.RealmSecrets;

/**
 * Proves an email address or a phone at registration: a one-time code goes there, and only the right code stores
 * it. Codes, cooldown and send limits are the reset's own: an HMAC in the session, 30 seconds between sends, the
 * realm's email and toll-fraud limits, and the hourly tries per method.
 */
final class CodeStep {

    static final String TEMPLATE = "sspr-register-code.ftl";
    static final String CODE = "code";
    static final Duration COOLDOWN = Duration.ofSeconds(30);
    private static final String KEY_PURPOSE = "one-time-code";
    private static final int EMAIL_DIGITS = 8;
    private static final int PHONE_DIGITS = 6;

    private static final Logger LOG = Logger.getLogger(CodeStep.class);

    private CodeStep() {
    }

    /**
     * Sends a code to {@code target} and shows the code page; when no code can go, the result is the refusal for
     * the page the target came from.
     */
    static Outcome send(Registering registering, Target target) {
        return send(registering, target, false);
    }

    /** As {@link #send(Registering, Target)}; {@code proving} marks a code that proves a registered method. */
    static Outcome send(Registering registering, Target target, boolean proving) {
        long now = System.currentTimeMillis();
        long wait = registering.state().lastSent(target.factor()) + COOLDOWN.toMillis() - now;
        if (wait > 0) {
            return Outcome.refused(PageLine.error("ssprRegisterCooldown", (wait + 999) / 1000));
        }
        if (registering.throttles().codeTriesLeft(registering.user(), kind(target)) == 0) {
            // a code that could not be entered anyway is not worth a text, a call or a mail
            return Outcome.refused(PageLine.error("ssprRegisterTriesUsedUp"));
        }
        Optional<PageLine> limit = limit(registering, target);
        if (limit.isPresent()) {
            return Outcome.refused(limit.get());
        }
        OneTimeCode.Issued issued = OneTimeCode.issue(kind(target).id(), digits(registering, target),
                registering.policy().codeLifetime(), now,
                RealmSecrets.active(registering.session(), registering.realm(), KEY_PURPOSE));
        try {
            deliver(registering, target, issued.plain());
        } catch (CodeSendFailure e) {
            LOG.warnf("Could not send a %s registration code in realm %s: %s", kind(target).id(),
                    registering.realm().getName(), e.getMessage());
            registering.refused(target.factor(), "send_failed:" + e.providerCode());
            return Outcome.refused(target.factor() == Factor.EMAIL
                    ? PageLine.error("ssprRegisterEmailNotSent", masked(target))
                    : PageLine.error("ssprPhoneNotSent", masked(target)));
        }
        registering.state().clearCode();
        if (proving) {
            registering.state().proofTarget(target);
        } else {
            registering.state().target(target);
        }
        registering.state().storeCode(issued.stored(), target.factor(), now);
        registering.state().showing(RegistrationState.CODE);
        return Outcome.shown(page(registering, target, PageLine.NONE));
    }

    /** A post on the code page: verify, resend, or back to the overview. */
    static Response process(Registering registering, String action) {
        Optional<Target> target = registering.state().target();
        if (target.isEmpty()) {
            return Overview.show(registering, PageLine.NONE);
        }
        return switch (action) {
            case "verify" -> verify(registering, target.get());
            case "resend" -> {
                if (target.get().factor() == Factor.AUTHENTICATOR_APP) {
                    yield page(registering, target.get(), PageLine.NONE);
                }
                Outcome outcome = send(registering, target.get(), registering.state().targetProves());
                yield outcome.response().orElseGet(() -> page(registering, target.get(), outcome.line()));
            }
            case "back" -> {
                registering.state().clearCode();
                yield Overview.show(registering, PageLine.NONE);
            }
            // a form of another page posted here: it proves nothing, and the code page stays
            default -> page(registering, target.get(), PageLine.NONE);
        };
    }

    private static Response verify(Registering registering, Target target) {
        String candidate = registering.field(CODE, 64);
        if (candidate.isEmpty()) {
            return page(registering, target, PageLine.fieldError(CODE, "ssprCodeMissing"));
        }
        if (!registering.status().offers(target.factor())) {
            // the admin took the method away since the code was sent
            registering.state().clearCode();
            return Overview.show(registering, PageLine.error("ssprRegisterMethodUnavailable"));
        }
        MethodKind kind = kind(target);
        if (!registering.throttles().tryCodeTry(registering.user(), kind)) {
            registering.refused(target.factor(), "code_tries_exhausted");
            registering.state().clearCode();
            return Overview.show(registering, PageLine.error("ssprRegisterTriesUsedUp"));
        }
        boolean proving = registering.state().targetProves();
        CodeCheck check = target.factor() == Factor.AUTHENTICATOR_APP ? appCheck(registering, candidate)
                : registering.state().pendingCode()
                        .filter(code -> code.method().equals(kind.id()))
                        .map(code -> code.check(candidate, System.currentTimeMillis(),
                                RealmSecrets.byKid(registering.session(), registering.realm(), code.kid(), KEY_PURPOSE)))
                        .orElse(CodeCheck.EXPIRED);
        if (check == CodeCheck.EXPIRED) {
            return page(registering, target, PageLine.fieldError(CODE, "ssprCodeExpired"));
        }
        if (check == CodeCheck.MISMATCH) {
            registering.refused(target.factor(), "wrong_code");
            return page(registering, target, PageLine.fieldError(CODE, "ssprCodeInvalid",
                    registering.throttles().codeTriesLeft(registering.user(), kind)));
        }
        registering.state().clearCode();
        if (proving) {
            registering.audit().activity(AuditActivity.USER_REGISTERED, registering.user(), kind.id(),
                    AuditResult.SUCCESS, "method_proven");
            return ProveFirst.resume(registering);
        }
        store(registering, target);
        return Overview.afterSetup(registering, target.factor());
    }

    /**
     * A code from one of the user's registered apps, checked by Keycloak: the realm's OTP policy, no code used twice.
     * Keycloak checks one credential at a time, named by its id.
     */
    private static CodeCheck appCheck(Registering registering, String candidate) {
        boolean valid = registering.user().credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                .map(credential -> credential.getId())
                .toList().stream()
                .anyMatch(id -> registering.user().credentialManager()
                        .isValid(new UserCredentialModel(id, OTPCredentialModel.TYPE, candidate)));
        return valid ? CodeCheck.MATCH : CodeCheck.MISMATCH;
    }

    private static void store(Registering registering, Target target) {
        CredentialModel credential = new CredentialModel();
        String type;
        if (target.factor() == Factor.EMAIL) {
            type = EmailCredentials.TYPE;
            credential.setCredentialData(EmailCredentials.credentialData(target.destination()));
        } else {
            type = target.factor() == Factor.OFFICE_PHONE ? PhoneCredentials.OFFICE_TYPE : PhoneCredentials.MOBILE_TYPE;
            credential.setCredentialData(PhoneCredentials.credentialData(phone(target)));
        }
        credential.setType(type);
        @SuppressWarnings("unchecked")
        CredentialProvider<CredentialModel> provider = registering.session().getProvider(CredentialProvider.class, type);
        provider.createCredential(registering.realm(), registering.user(), credential);
        registering.registered(target.factor());
    }

    static Response page(Registering registering, Target target, PageLine line) {
        return line.applyTo(registering.form()
                        .setAttribute("ssprChannel", target.channel())
                        .setAttribute("ssprFactor", target.factor().id())
                        .setAttribute("ssprDestination", masked(target))
                        .setAttribute("ssprCodeLength", digits(registering, target))
                        .setAttribute("ssprProving", registering.state().targetProves())
                        .setAttribute("ssprCodeMinutes", Texts.minutes(registering.policy().codeLifetime())))
                .createForm(TEMPLATE);
    }

    private static Optional<PageLine> limit(Registering registering, Target target) {
        if (target.factor() == Factor.EMAIL) {
            return registering.throttles().tryEmailSend(registering.user()) ? Optional.empty()
                    : Optional.of(PageLine.error("ssprRegisterEmailLimit"));
        }
        return registering.throttles().tryPhoneSend(registering.user(), target.destination(),
                        registering.clientAddress())
                .map(refusedBy -> PageLine.error("ssprPhoneLimit", masked(target)));
    }

    private static void deliver(Registering registering, Target target, String code) throws CodeSendFailure {
        if (target.factor() == Factor.EMAIL) {
            EmailCodeSender.send(registering.session(), registering.realm(), registering.user(), target.destination(),
                    code, registering.policy().codeLifetime(), CodePurpose.REGISTRATION);
            return;
        }
        PhoneCodeSender.send(registering.session(), registering.realm(), registering.user(),
                registering.policy().twilio().orElseThrow(
                        () -> new CodeSendFailure("not-configured", "Twilio is not configured", null)),
                phone(target), "sms".equals(target.channel()) ? PhoneCodeSender.Channel.SMS
                        : PhoneCodeSender.Channel.VOICE, code, registering.policy().codeLifetime(),
                CodePurpose.REGISTRATION);
    }

    static MethodKind kind(Target target) {
        return switch (target.factor()) {
            case EMAIL -> MethodKind.EMAIL;
            case OFFICE_PHONE -> MethodKind.OFFICE_VOICE;
            case AUTHENTICATOR_APP -> MethodKind.AUTHENTICATOR_APP;
            default -> "sms".equals(target.channel()) ? MethodKind.MOBILE_SMS : MethodKind.MOBILE_VOICE;
        };
    }

    private static int digits(Registering registering, Target target) {
        return switch (target.factor()) {
            case EMAIL -> EMAIL_DIGITS;
            case AUTHENTICATOR_APP -> registering.realm().getOTPPolicy().getDigits();
            default -> PHONE_DIGITS;
        };
    }

    private static PhoneNumber phone(Target target) {
        return new PhoneNumber(target.destination(), target.extension());
    }

    private static String masked(Target target) {
        return switch (target.factor()) {
            case EMAIL -> Masking.email(target.destination());
            case AUTHENTICATOR_APP -> "";
            default -> phone(target).masked();
        };
    }

    /** What an attempt to send led to: the code page, or a line for the page the user came from. */
    record Outcome(Optional<Response> response, PageLine line) {

        static Outcome shown(Response response) {
            return new Outcome(Optional.of(response), PageLine.NONE);
        }

        static Outcome refused(PageLine line) {
            return new Outcome(Optional.empty(), line);
        }
    }
}
