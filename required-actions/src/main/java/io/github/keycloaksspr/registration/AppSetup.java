package io.github.keycloaksspr.registration;

import jakarta.ws.rs.core.Response;

import org.keycloak.models.OTPPolicy;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.CredentialValidation;
import org.keycloak.models.utils.HmacOTP;
import org.keycloak.utils.CredentialHelper;
import org.keycloak.utils.TotpUtils;

import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.method.MethodKind.Factor;

/**
 * Sets up an authenticator app with Keycloak's own OTP machinery: the realm's OTP policy, its QR code, and its
 * credential, stored only once a code from the app checks out. The secret waits in the authentication session
 * until then, so a page reload shows the same QR code.
 */
final class AppSetup {

    static final String TEMPLATE = "sspr-register-app.ftl";
    static final String CODE = "totp";
    static final String LABEL = "userLabel";
    private static final int SECRET_BYTES = 20;

    private AppSetup() {
    }

    static Response page(Registering registering, PageLine line) {
        registering.state().showing(Factor.AUTHENTICATOR_APP.id());
        String secret = registering.state().totpSecret().orElseGet(() -> {
            String fresh = HmacOTP.generateSecret(SECRET_BYTES);
            registering.state().totpSecret(fresh);
            return fresh;
        });
        OTPPolicy policy = registering.realm().getOTPPolicy();
        return line.applyTo(registering.form()
                        .setAttribute("ssprTotpSecret", TotpUtils.encode(secret))
                        .setAttribute("ssprTotpQr", TotpUtils.qrCode(registering.session(), secret,
                                registering.realm(), registering.user()))
                        .setAttribute("ssprTotpDigits", policy.getDigits())
                        .setAttribute("ssprTotpPeriod", policy.getPeriod())
                        .setAttribute("ssprTotpTimeBased", OTPCredentialModel.TOTP.equals(policy.getType())))
                .createForm(TEMPLATE);
    }

    static Response process(Registering registering, String action) {
        if ("back".equals(action)) {
            registering.state().totpSecret(null);
            return Overview.show(registering, PageLine.NONE);
        }
        if (!"verify".equals(action)) {
            return page(registering, PageLine.NONE);
        }
        String code = registering.field(CODE, 16);
        if (code.isEmpty()) {
            return page(registering, PageLine.fieldError(CODE, "ssprCodeMissing"));
        }
        if (!registering.throttles().tryCodeTry(registering.user(), MethodKind.AUTHENTICATOR_APP)) {
            registering.refused(Factor.AUTHENTICATOR_APP, "code_tries_exhausted");
            registering.state().totpSecret(null);
            return Overview.show(registering, PageLine.error("ssprRegisterTriesUsedUp"));
        }
        String secret = registering.state().totpSecret().orElse(null);
        String label = registering.field(LABEL, 64);
        OTPCredentialModel credential = OTPCredentialModel.createFromPolicy(registering.realm(), secret,
                label.isEmpty() ? null : label);
        // Keycloak's createOTPCredential stores the credential before it checks the code, so the code is checked
        // first against the realm's policy, as Keycloak's own authenticator setup does
        if (secret == null || !CredentialValidation.validOTP(code, credential,
                registering.realm().getOTPPolicy().getLookAheadWindow())
                || !CredentialHelper.createOTPCredential(registering.session(), registering.realm(),
                registering.user(), code, credential)) {
            registering.refused(Factor.AUTHENTICATOR_APP, "wrong_code");
            return page(registering, PageLine.fieldError(CODE, "ssprCodeInvalid",
                    registering.throttles().codeTriesLeft(registering.user(), MethodKind.AUTHENTICATOR_APP)));
        }
        registering.state().totpSecret(null);
        registering.registered(Factor.AUTHENTICATOR_APP);
        return Overview.afterSetup(registering, Factor.AUTHENTICATOR_APP);
    }
}
