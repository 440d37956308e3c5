package io.github.keycloaksspr.reset.verify;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.sessions.AuthenticationSessionModel;

import io.github.keycloaksspr.code.OneTimeCode;
import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.method.Requirement;
import io.github.keycloaksspr.reset.support.ResetNotes;

/**
 * The N-of-M state machine's memory, kept in authentication-session notes so a flow started on one node can
 * finish on another: which methods were proven and for which account, the pending code,
 * which proof is pending, and when each method last sent a code.
 */
public final class VerificationState {

    private static final String SENT_PREFIX = "sspr.verify.sent.";
    /** The method whose proof was started last; only it can be answered. */
    private static final String PENDING = "sspr.verify.pending";
    /** The security questions drawn for the pending proof, comma-separated ids. */
    private static final String DRAWN = "sspr.verify.drawn";

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

    /** Distinct factors proven: SMS and a call to one phone count once. */
    int provenCount(String userId) {
        return (int) Requirement.factors(proven(userId));
    }

    Optional<MethodKind> pending() {
        return Optional.ofNullable(authSession.getAuthNote(PENDING)).flatMap(MethodKind::fromId);
    }

    /** A new proof replaces whatever was pending: its code or questions no longer count. */
    void startPending(MethodKind method) {
        clearPending();
        authSession.setAuthNote(PENDING, method.id());
    }

    List<String> drawn() {
        String stored = authSession.getAuthNote(DRAWN);
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(","));
    }

    void storeDrawn(List<String> questionIds) {
        authSession.setAuthNote(DRAWN, String.join(",", questionIds));
    }

    void prove(MethodKind method, String userId) {
        Set<MethodKind> proven = proven(userId);
        proven.add(method);
        authSession.setAuthNote(ResetNotes.PROVEN_USER, userId);
        authSession.setAuthNote(ResetNotes.PROVEN,
                proven.stream().map(MethodKind::id).collect(Collectors.joining(",")));
    }



    Optional<OneTimeCode> pendingCode() {
        return OneTimeCode.fromNotes(authSession::getAuthNote);
    }

    void storeCode(OneTimeCode code, long sentAt) {
        code.toNotes().forEach(authSession::setAuthNote);
        authSession.setAuthNote(PENDING, code.method());
        authSession.setAuthNote(SENT_PREFIX + code.method(), Long.toString(sentAt));
    }

    /** Ends the pending proof, whatever kind it was. */
    void clearPending() {
        OneTimeCode.noteNames().forEach(authSession::removeAuthNote);
        authSession.removeAuthNote(PENDING);
        authSession.removeAuthNote(DRAWN);
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
        clearPending();
        authSession.removeAuthNote(ResetNotes.PROVEN);
        authSession.removeAuthNote(ResetNotes.PROVEN_USER);
        Arrays.stream(MethodKind.values()).forEach(kind -> authSession.removeAuthNote(SENT_PREFIX + kind.id()));
    }
}
