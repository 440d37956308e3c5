package io.github.keycloaksspr.reset.verify;

import jakarta.ws.rs.core.Response;

import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.credential.OTPCredentialModel;

import io.github.keycloaksspr.code.CodeCheck;
import io.github.keycloaksspr.method.MethodKind;

/**
 * A code from the authenticator app the user already set up in Keycloak. Keycloak's own OTP credential provider
 * checks it, so the realm's OTP policy (TOTP or HOTP, digits, look-around window) applies and a code that was used
 * once is refused again, across the cluster, unless the realm allows reuse.
 */
final class AuthenticatorAppMethod implements ProofMethod {

    static final String TEMPLATE = "sspr-authenticator-app.ftl";
    private static final int MAX_CODE_LENGTH = 16;

    @Override
    public MethodKind kind() {
        return MethodKind.AUTHENTICATOR_APP;
    }

    /** Nothing to send: the app already holds the secret. */
    @Override
    public Started start(Proof proof) {
        proof.state().startPending(MethodKind.AUTHENTICATOR_APP);
        return Started.ready(PageMessage.NONE);
    }

    @Override
    public CodeCheck check(Proof proof) {
        String code = proof.field(CodeMethod.CODE, MAX_CODE_LENGTH).replaceAll("[\\s-]", "");
        if (code.isEmpty()) {
            return CodeCheck.MISMATCH;
        }
        // the credential the methods page offered; a stale id simply fails
        boolean valid = proof.user().credentialManager().isValid(
                new UserCredentialModel(proof.registration().address(), OTPCredentialModel.TYPE, code));
        return valid ? CodeCheck.MATCH : CodeCheck.MISMATCH;
    }

    @Override
    public Response page(Proof proof, PageMessage message) {
        return message.applyTo(proof.form()
                        .setAttribute("ssprCodeLength", proof.realm().getOTPPolicy().getDigits()))
                .createForm(TEMPLATE);
    }
}
