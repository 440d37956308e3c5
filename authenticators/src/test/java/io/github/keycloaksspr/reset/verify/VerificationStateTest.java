package io.github.keycloaksspr.reset.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.sessions.AuthenticationSessionModel;

import io.github.keycloaksspr.code.OneTimeCode;
import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.secret.DerivedKey;

class VerificationStateTest {

    private static final DerivedKey KEY = new DerivedKey("kid", "0123456789abcdef".getBytes());

    private final Map<String, String> notes = new HashMap<>();
    private VerificationState state;

    @BeforeEach
    void setUp() {
        AuthenticationSessionModel session = mock(AuthenticationSessionModel.class);
        when(session.getAuthNote(anyString())).thenAnswer(invocation -> notes.get(invocation.<String>getArgument(0)));
        doAnswer(invocation -> notes.put(invocation.getArgument(0), invocation.getArgument(1)))
                .when(session).setAuthNote(anyString(), anyString());
        doAnswer(invocation -> notes.remove(invocation.<String>getArgument(0)))
                .when(session).removeAuthNote(anyString());
        state = new VerificationState(session);
    }

    @Test
    @DisplayName("Given a new flow, then nothing is proven, no code is pending and nothing else was recorded")
    void fresh() {
        assertThat(state.proven("u1")).isEmpty();
        assertThat(state.pendingCode()).isEmpty();
    }

    @Test
    @DisplayName("Given a method proven twice, then it counts once (N of M counts distinct methods)")
    void distinctProofs() {
        state.prove(MethodKind.EMAIL, "u1");
        state.prove(MethodKind.EMAIL, "u1");

        assertThat(state.proven("u1")).containsExactly(MethodKind.EMAIL);
        assertThat(notes).containsEntry("sspr.verify.proven", "email");
    }

    @Test
    @DisplayName("Given proofs made for one account, then they count for nothing for another account or none")
    void proofsBelongToOneAccount() {
        state.prove(MethodKind.EMAIL, "u1");

        assertThat(state.proven("u2")).isEmpty();
        assertThat(state.proven(null)).isEmpty();
    }

    @Test
    @DisplayName("Given tampered or unknown proven ids in the notes, then they are ignored")
    void unknownProvenIds() {
        notes.put("sspr.verify.proven-user", "u1");
        notes.put("sspr.verify.proven", "email,forged-method,");

        assertThat(state.proven("u1")).containsExactly(MethodKind.EMAIL);
    }

    @Test
    @DisplayName("Given the user starts over, then proofs, the pending code and send times are forgotten")
    void clear() {
        state.prove(MethodKind.EMAIL, "u1");
        state.storeCode(OneTimeCode.issue("email", 8, Duration.ofMinutes(5), 1000L, KEY).stored(), 1000L);

        state.clear();

        assertThat(notes).isEmpty();
    }

    @Test
    @DisplayName("Given a code was sent, then the send time survives clearing the code, and the cooldown counts from it")
    void cooldown() {
        state.storeCode(OneTimeCode.issue("email", 8, Duration.ofMinutes(5), 1000L, KEY).stored(), 1000L);
        state.clearPending();

        assertThat(state.lastSent(MethodKind.EMAIL)).isEqualTo(1000L);
        assertThat(CodeMethod.secondsToWait(1000L, 1100L)).isEqualTo(30);
        assertThat(CodeMethod.secondsToWait(1000L, 30_001L)).isEqualTo(1);
        assertThat(CodeMethod.secondsToWait(1000L, 31_000L)).isZero();
        assertThat(CodeMethod.secondsToWait(0L, 31_000L)).isZero();
    }


    @Test
    @DisplayName("Given a stored code, then it reads back, and clearing it leaves no code note behind")
    void pendingCode() {
        OneTimeCode code = OneTimeCode.issue("email", 8, Duration.ofMinutes(5), 1000L, KEY).stored();
        state.storeCode(code, 1000L);

        assertThat(state.pendingCode()).contains(code);
        state.clearPending();
        assertThat(state.pendingCode()).isEmpty();
        assertThat(notes.keySet()).noneMatch(key -> key.startsWith("sspr.code."));
    }

    @Test
    @DisplayName("Given code lifetimes, then pages say whole minutes, rounded up, never zero")
    void minutes() {
        assertThat(CodeMethod.minutes(Duration.ofSeconds(30))).isEqualTo(1);
        assertThat(CodeMethod.minutes(Duration.ofSeconds(300))).isEqualTo(5);
        assertThat(CodeMethod.minutes(Duration.ofSeconds(301))).isEqualTo(6);
    }
}
