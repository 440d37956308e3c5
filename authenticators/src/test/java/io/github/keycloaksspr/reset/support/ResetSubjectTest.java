package io.github.keycloaksspr.reset.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.sessions.AuthenticationSessionModel;

class ResetSubjectTest {

    private final AuthenticationFlowContext context = mock(AuthenticationFlowContext.class);
    private final AuthenticationSessionModel authSession = mock(AuthenticationSessionModel.class);
    private final UserProvider users = mock(UserProvider.class);
    private final RealmModel realm = mock(RealmModel.class);

    ResetSubjectTest() {
        KeycloakSession session = mock(KeycloakSession.class);
        when(context.getAuthenticationSession()).thenReturn(authSession);
        when(context.getSession()).thenReturn(session);
        when(context.getRealm()).thenReturn(realm);
        when(session.users()).thenReturn(users);
    }

    @Test
    @DisplayName("Given an enabled account, then it becomes the flow's user")
    void enabledIsFlowUser() {
        UserModel user = user("u1", true, null);

        ResetSubject.attach(context, user);

        verify(context).setUser(user);
        verify(authSession, never()).setAuthNote(any(), any());
    }

    @Test
    @DisplayName("Given a permanently locked-out account, then it is noted, never made the flow's user, and stays "
            + "disabled")
    void lockedIsNoted() {
        UserModel user = user("u1", false, BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT);

        ResetSubject.attach(context, user);

        verify(authSession).setAuthNote(ResetNotes.LOCKED_SUBJECT, "u1");
        verify(context, never()).setUser(any());
        verify(user, never()).setEnabled(true);
    }

    @Test
    @DisplayName("Given a flow user, then it is the subject, whatever a note says")
    void flowUserFirst() {
        UserModel user = user("u1", true, null);
        when(context.getUser()).thenReturn(user);
        when(authSession.getAuthNote(ResetNotes.LOCKED_SUBJECT)).thenReturn("u2");

        assertThat(ResetSubject.of(context)).isSameAs(user);
        assertThat(ResetSubject.onFlow(context)).isTrue();
    }

    @Test
    @DisplayName("Given no flow user, then the noted account is the subject while the lockout disables it, and "
            + "after it was unlocked")
    void notedSubject() {
        UserModel locked = user("u1", false, BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT);
        when(authSession.getAuthNote(ResetNotes.LOCKED_SUBJECT)).thenReturn("u1");
        when(users.getUserById(realm, "u1")).thenReturn(locked);

        assertThat(ResetSubject.of(context)).isSameAs(locked);
        assertThat(ResetSubject.onFlow(context)).isFalse();

        when(locked.isEnabled()).thenReturn(true);
        assertThat(ResetSubject.of(context)).isSameAs(locked);
    }

    @Test
    @DisplayName("Given a noted account an admin disabled meanwhile, or one deleted, then there is no subject")
    void noSubject() {
        UserModel adminDisabled = user("u1", false, null);
        when(authSession.getAuthNote(ResetNotes.LOCKED_SUBJECT)).thenReturn("u1");
        when(users.getUserById(realm, "u1")).thenReturn(adminDisabled);
        assertThat(ResetSubject.of(context)).isNull();

        when(users.getUserById(realm, "u1")).thenReturn(null);
        assertThat(ResetSubject.of(context)).isNull();
    }

    @Test
    @DisplayName("Given neither a flow user nor a note, then there is no subject")
    void nothing() {
        assertThat(ResetSubject.of(context)).isNull();
    }

    private static UserModel user(String id, boolean enabled, String disabledReason) {
        UserModel user = mock(UserModel.class);
        when(user.getId()).thenReturn(id);
        when(user.isEnabled()).thenReturn(enabled);
        when(user.getFirstAttribute(UserModel.DISABLED_REASON)).thenReturn(disabledReason);
        return user;
    }
}
