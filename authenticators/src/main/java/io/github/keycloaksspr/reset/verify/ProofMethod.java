package io.github.keycloaksspr.reset.verify;

import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.code.CodeCheck;
import io.github.keycloaksspr.method.MethodKind;

/**
 * One way to prove who you are at reset. A new method is one implementation of this interface, registered in
 * {@link ProofMethods}, plus its page template and messages; the state machine in {@link VerifyAuthenticator}
 * needs no change.
 */
interface ProofMethod {

    MethodKind kind();

    /** Starts a proof: sends a code, draws questions, or nothing at all when the user already holds the proof. */
    Started start(Proof proof);

    /** Checks what the user posted against the proof started last; never called without one pending. */
    CodeCheck check(Proof proof);

    /** The page asking for the proof, with {@code notice} (a message key, or null) as its info line. */
    Response page(Proof proof, PageMessage message);

    /**
     * Whether the user entered anything at all. A blank form (Enter pressed too early) is not a guess: it costs
     * no try, no failed proof and no brute-force strike.
     */
    default boolean answered(Proof proof) {
        return !proof.field(CodeMethod.CODE, 64).isEmpty();
    }

    /** What the page says when nothing was entered. */
    default PageMessage missingMessage() {
        return PageMessage.fieldError(CodeMethod.CODE, "ssprCodeMissing");
    }

    /** What the page says when the pending proof no longer holds (an expired code). */
    default PageMessage expiredMessage() {
        return PageMessage.fieldError(CodeMethod.CODE, "ssprCodeExpired");
    }

    /** What the page says after a wrong proof, with {@code triesLeft} before the account is blocked. */
    default PageMessage wrongProofMessage(int triesLeft) {
        return PageMessage.fieldError(CodeMethod.CODE, "ssprCodeInvalid", triesLeft);
    }

    /** Whether "send a new code" makes sense for this method. */
    default boolean resendable() {
        return false;
    }

}
