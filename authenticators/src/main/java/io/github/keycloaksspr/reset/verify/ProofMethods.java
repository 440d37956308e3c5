package io.github.keycloaksspr.reset.verify;

import java.util.EnumMap;
import java.util.Map;

import io.github.keycloaksspr.method.MethodKind;

/** Every method the reset flow can prove, by kind. */
final class ProofMethods {

    /** Entra's figures: 8-digit email codes, 6-digit SMS and voice codes. */
    static final int EMAIL_CODE_DIGITS = 8;
    static final int PHONE_CODE_DIGITS = 6;

    private final Map<MethodKind, ProofMethod> methods = new EnumMap<>(MethodKind.class);

    ProofMethods() {
        add(new CodeMethod(MethodKind.EMAIL, EMAIL_CODE_DIGITS, new EmailDelivery(), SendLimits.EMAIL));
        add(new CodeMethod(MethodKind.MOBILE_SMS, PHONE_CODE_DIGITS, new PhoneDelivery(PhoneDelivery.Channel.SMS),
                SendLimits.PHONE));
        add(new CodeMethod(MethodKind.MOBILE_VOICE, PHONE_CODE_DIGITS,
                new PhoneDelivery(PhoneDelivery.Channel.VOICE), SendLimits.PHONE));
        add(new CodeMethod(MethodKind.OFFICE_VOICE, PHONE_CODE_DIGITS,
                new PhoneDelivery(PhoneDelivery.Channel.VOICE), SendLimits.PHONE));
        add(new AuthenticatorAppMethod());
        add(new SecurityQuestionsMethod());
    }

    private void add(ProofMethod method) {
        methods.put(method.kind(), method);
    }

    ProofMethod get(MethodKind kind) {
        ProofMethod method = methods.get(kind);
        if (method == null) {
            throw new IllegalStateException("No proof method for " + kind.id());
        }
        return method;
    }

    boolean supports(MethodKind kind) {
        return methods.containsKey(kind);
    }
}
