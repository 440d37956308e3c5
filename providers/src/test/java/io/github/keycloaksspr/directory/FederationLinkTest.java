package io.github.keycloaksspr.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

class FederationLinkTest {

    private final RealmModel realm = mock(RealmModel.class);
    private final UserModel user = mock(UserModel.class);

    @Test
    @DisplayName("Given an account of Keycloak's own database, then no federation")
    void local() {
        assertThat(FederationLink.of(realm, user)).isEmpty();
    }

    @Test
    @DisplayName("Given an enabled WRITABLE Active Directory federation, then writes back and is Active Directory")
    void writableAd() {
        givenFederation("WRITABLE", "ad", true);

        FederationLink link = FederationLink.of(realm, user).orElseThrow();
        assertThat(link.writesBack()).isTrue();
        assertThat(link.activeDirectory()).isTrue();
    }

    @Test
    @DisplayName("Given READ_ONLY, UNSYNCED, no or an unknown edit mode, then the password does not reach the directory")
    void notWritable() {
        for (String mode : new String[] {"READ_ONLY", "UNSYNCED", null, "SOMETIMES"}) {
            givenFederation(mode, "other", true);
            assertThat(FederationLink.of(realm, user).orElseThrow().writesBack()).as(String.valueOf(mode)).isFalse();
        }
    }

    @Test
    @DisplayName("Given a WRITABLE federation that is switched off or deleted, then nothing is written back")
    void disabledOrMissing() {
        givenFederation("WRITABLE", "other", false);
        assertThat(FederationLink.of(realm, user).orElseThrow().writesBack()).isFalse();

        when(realm.getComponent("ldap-1")).thenReturn(null);
        assertThat(FederationLink.of(realm, user).orElseThrow().writesBack()).isFalse();
    }

    private void givenFederation(String editMode, String vendor, boolean enabled) {
        ComponentModel component = new ComponentModel();
        component.setId("ldap-1");
        component.setProviderId("ldap");
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        if (editMode != null) {
            config.putSingle("editMode", editMode);
        }
        config.putSingle("vendor", vendor);
        config.putSingle("enabled", Boolean.toString(enabled));
        component.setConfig(config);
        when(user.getFederationLink()).thenReturn("ldap-1");
        when(realm.getComponent("ldap-1")).thenReturn(component);
    }
}
