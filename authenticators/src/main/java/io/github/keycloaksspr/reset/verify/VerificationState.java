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
 * finish on another: which methods were proven and for which account, how many proofs failed, the pending code,
 * and when each method last sent one.
 */
public final class VerificationState {

    private static final String SENT_PREFIX = "sspr.verify.sent.";

    private final AuthenticationSessionModel authSession;

    public VerificationState(AuthenticationSessionModel authSession) {
        this.authSession = authSession;
    }

    /** The methods proven for this account; proofs made for another account in the same tab count for nothing. */
    public Set<MethodKind> proven(String userId) {
        Set<MethodKind> proven = EnumSet.noneOf(MethodKind.class);
        String stored = authSession.getAuthNote(ResetNotes.PROVEN);
        if (userId == null || !userId.equals(authSession.getAuthNote(ResetNotes.PROVEN_USER))
                || stored == null || stored.isEmpty()) {
            return proven;
        }
        Arrays.stream(stored.split(",")).map(MethodKind::fromId).flatMap(Optional::stream).forEach(proven::add);
        return proven;
    }

    void prove(MethodKind method, String userId) {
        Set<MethodKind> proven = proven(userId);
        proven.add(method);
        authSession.setAuthNote(ResetNotes.PROVEN_USER, userId);
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

    void storeCode(OneTimeCode code, long sentAt) {
        code.toNotes().forEach(authSession::setAuthNote);
        authSession.setAuthNote(SENT_PREFIX + code.method(), Long.toString(sentAt));
    }

    void clearCode() {
        OneTimeCode.noteNames().forEach(authSession::removeAuthNote);
    }

    /** When this method last sent a code in this flow; kept when the user switches methods, so that can't skip it. */
    long lastSent(MethodKind method) {
        String stored = authSession.getAuthNote(SENT_PREFIX + method.id());
        try {
            return stored == null ? 0 : Long.parseLong(stored);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Forgets everything: the user named another account, or went back to the first page. */
    public void clear() {
        clearCode();
        authSession.removeAuthNote(ResetNotes.PROVEN);
        authSession.removeAuthNote(ResetNotes.PROVEN_USER);
        authSession.removeAuthNote(ResetNotes.FAILURES);
        Arrays.stream(MethodKind.values()).forEach(kind -> authSession.removeAuthNote(SENT_PREFIX + kind.id()));
    }
}
