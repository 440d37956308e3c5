package io.github.keycloaksspr.reset.verify;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.sessions.AuthenticationSessionModel;

import io.github.keycloaksspr.code.OneTimeCode;
import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.reset.support.ResetNotes;

/**
 * The N-of-M state machine's memory, kept in authentication-session notes so a flow started on one node can
 * finish on another: which methods are proven, how many proofs failed, and the pending code.
 */
final class VerificationState {

    private final AuthenticationSessionModel authSession;

    VerificationState(AuthenticationSessionModel authSession) {
        this.authSession = authSession;
    }

    Set<MethodKind> proven() {
        String stored = authSession.getAuthNote(ResetNotes.PROVEN);
        Set<MethodKind> proven = EnumSet.noneOf(MethodKind.class);
        if (stored != null && !stored.isEmpty()) {
            Arrays.stream(stored.split(",")).map(MethodKind::fromId).flatMap(Optional::stream).forEach(proven::add);
        }
        return proven;
    }

    void prove(MethodKind method) {
        Set<MethodKind> proven = proven();
        proven.add(method);
        authSession.setAuthNote(ResetNotes.PROVEN,
                proven.stream().map(MethodKind::id).collect(Collectors.joining(",")));
    }

    int failures() {
        String stored = authSession.getAuthNote(ResetNotes.FAILURES);
        try {
            return stored == null ? 0 : Integer.parseInt(stored);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    int recordFailure() {
        int failures = failures() + 1;
        authSession.setAuthNote(ResetNotes.FAILURES, Integer.toString(failures));
        return failures;
    }

    Optional<OneTimeCode> pendingCode() {
        return OneTimeCode.fromNotes(authSession::getAuthNote);
    }

    void storeCode(OneTimeCode code) {
        code.toNotes().forEach(authSession::setAuthNote);
    }

    void clearCode() {
        OneTimeCode.noteNames().forEach(authSession::removeAuthNote);
    }
}
