package io.github.keycloaksspr.questions;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;

/** A user whose credential manager keeps stored credentials in a list, as the JPA store would. */
final class Users {

    private Users() {
    }

    static UserModel withCredentials(List<CredentialModel> stored) {
        SubjectCredentialManager manager = mock(SubjectCredentialManager.class);
        when(manager.getStoredCredentialsByTypeStream(anyString())).thenAnswer(call -> List.copyOf(stored).stream()
                .filter(credential -> credential.getType().equals(call.getArgument(0))));
        when(manager.createStoredCredential(any())).thenAnswer(call -> {
            CredentialModel credential = call.getArgument(0);
            credential.setId(UUID.randomUUID().toString());
            stored.add(credential);
            return credential;
        });
        when(manager.removeStoredCredentialById(anyString()))
                .thenAnswer(call -> stored.removeIf(credential -> credential.getId().equals(call.getArgument(0))));
        UserModel user = mock(UserModel.class);
        when(user.getId()).thenReturn("user-1");
        when(user.credentialManager()).thenReturn(manager);
        return user;
    }

    static UserModel withCredentials() {
        return withCredentials(new ArrayList<>());
    }
}
