package io.github.keycloaksspr.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.naming.NamingException;
import javax.naming.directory.InvalidAttributeValueException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ModelException;

/** The directory answers below are the texts Samba 4.17, Windows Server and OpenLDAP 2.5 actually send. */
class DirectoryRefusalsTest {

    private static final String SAMBA = "[LDAP: error code 19 - 0000052D: Constraint violation - "
            + "check_password_restrictions: ";

    @Test
    @DisplayName("Given Samba's too-short answer wrapped as Keycloak's AD mapper wraps it, then too short, with the minimum")
    void sambaTooShort() {
        Throwable failure = activeDirectoryMapper(SAMBA
                + "the password is too short. It should be equal or longer than 8 characters!]");

        assertThat(DirectoryRefusals.classify(failure)).hasValueSatisfying(refusal -> {
            assertThat(refusal.rule()).isEqualTo(DirectoryRule.TOO_SHORT_FOR);
            assertThat(refusal.parameters()).containsExactly(8);
            assertThat(refusal.code()).isEqualTo("too_short");
        });
    }

    @Test
    @DisplayName("Given Samba's complexity, history and minimum-age answers, then each names its rule")
    void sambaRules() {
        assertThat(rule(SAMBA + "the password does not meet the complexity criteria!]"))
                .isEqualTo(DirectoryRule.COMPLEXITY);
        assertThat(rule(SAMBA + "the password was already used (in history)!]")).isEqualTo(DirectoryRule.HISTORY);
        assertThat(rule(SAMBA + "password is too young to change!]")).isEqualTo(DirectoryRule.TOO_YOUNG);
    }

    @Test
    @DisplayName("Given Windows' terse 0000052D answer, then a refusal without a named rule")
    void windowsGeneric() {
        assertThat(rule("[LDAP: error code 19 - 0000052D: AtrErr: DSID-03191083, #1:\n\t0: 0000052D: "
                + "DSID-03191083, problem 1005 (CONSTRAINT_ATT_TYPE), data 0, Att 9005a (unicodePwd)\n\u0000]"))
                .isEqualTo(DirectoryRule.OTHER);
        assertThat(rule("[LDAP: error code 53 - 0000052D: SvcErr: DSID-031A12D2, problem 5003 (WILL_NOT_PERFORM), "
                + "data 0\n\u0000]")).isEqualTo(DirectoryRule.OTHER);
    }

    @Test
    @DisplayName("Given OpenLDAP ppolicy's answers, with and without the policy control, then each names its rule")
    void openLdap() {
        assertThat(rule("[LDAP: error code 19 - Password fails quality checking policy]"))
                .isEqualTo(DirectoryRule.QUALITY);
        assertThat(rule("[LDAP: error code 19 - Password is in history of old passwords]"))
                .isEqualTo(DirectoryRule.HISTORY);
        assertThat(rule("[LDAP: error code 19 - Password is too short for policy]")).isEqualTo(DirectoryRule.TOO_SHORT);
        assertThat(rule("[LDAP: error code 19 - Password is too young to change]")).isEqualTo(DirectoryRule.TOO_YOUNG);
        assertThat(rule("[LDAP: error code 19 - New password is in list of old passwords]"))
                .isEqualTo(DirectoryRule.HISTORY);
    }

    @Test
    @DisplayName("Given failures that are no policy verdict (no rights, server down), then no refusal")
    void notARefusal() {
        assertThat(DirectoryRefusals.classify(keycloakWrapped(
                "[LDAP: error code 50 - Insufficient Access Rights]"))).isEmpty();
        assertThat(DirectoryRefusals.classify(new ModelException("Error updating password",
                new javax.naming.CommunicationException("127.0.0.1:636")))).isEmpty();
        assertThat(DirectoryRefusals.classify(new ModelException("invalidPasswordMinLengthMessage"))).isEmpty();
    }

    @Test
    @DisplayName("Given a cause chain that loops, then classifying ends")
    void cyclicChain() {
        ModelException outer = new ModelException("outer");
        ModelException inner = new ModelException("inner", outer);
        outer.initCause(inner);

        assertThat(DirectoryRefusals.classify(outer)).isEmpty();
    }

    @Test
    @DisplayName("Every rule has its own message key in the sspr namespace")
    void messageKeys() {
        assertThat(List.of(DirectoryRule.values())).extracting(DirectoryRule::messageKey)
                .doesNotHaveDuplicates().allMatch(key -> key.startsWith("sspr"));
    }

    private static DirectoryRule rule(String ldapMessage) {
        return DirectoryRefusals.classify(keycloakWrapped(ldapMessage)).orElseThrow().rule();
    }

    /** What LDAPOperationManager.modifyAttributes throws for a refused write. */
    private static ModelException keycloakWrapped(String ldapMessage) {
        NamingException naming = new InvalidAttributeValueException(ldapMessage);
        return new ModelException("Could not modify attribute for DN [CN=alice,CN=Users,DC=example,DC=test]", naming);
    }

    /** MSADUserAccountControlStorageMapper replaces the message with a generic key and keeps the cause. */
    private static ModelException activeDirectoryMapper(String ldapMessage) {
        return new ModelException("invalidPasswordGenericMessage", keycloakWrapped(ldapMessage));
    }
}
