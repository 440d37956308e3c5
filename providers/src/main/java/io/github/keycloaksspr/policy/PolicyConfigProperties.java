package io.github.keycloaksspr.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.questions.QuestionConfigProperties;
import io.github.keycloaksspr.throttle.ThrottleConfigProperties;
import io.github.keycloaksspr.twilio.TwilioConfigProperties;

/**
 * The settings form an admin sees behind the verification step's gear. Typed controls (lists, a group picker,
 * a switch) keep most invalid input from being typed at all; {@link PolicySettings} checks the rest.
 */
public final class PolicyConfigProperties {

    private PolicyConfigProperties() {
    }

    public static List<ProviderConfigProperty> build() {
        List<ProviderConfigProperty> properties = new ArrayList<>(core());
        properties.addAll(QuestionConfigProperties.build());
        properties.addAll(TwilioConfigProperties.build());
        properties.addAll(ThrottleConfigProperties.build());
        return List.copyOf(properties);
    }

    private static List<ProviderConfigProperty> core() {
        return ProviderConfigurationBuilder.create()
                .property().name(PolicySettings.ENABLED_FOR)
                .label("Self-service password reset enabled")
                .helpText("NONE: nobody can reset. SELECTED: members of the selected group and of its subgroups. "
                        + "ALL: every user of the realm.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(Arrays.stream(Scope.values()).map(Enum::name).toList())
                .defaultValue(PolicySettings.DEFAULT_SCOPE.name())
                .add()
                .property().name(PolicySettings.GROUP)
                .label("Selected group")
                .helpText("Used when self-service password reset is enabled for SELECTED. Members of nested "
                        + "subgroups are included.")
                .type(ProviderConfigProperty.GROUP_TYPE)
                .add()
                .property().name(PolicySettings.METHODS)
                .label("Methods available to users")
                .helpText("The verification methods users may use to prove who they are.")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
                .options(Arrays.stream(MethodKind.values()).map(MethodKind::id).toList())
                .defaultValue(PolicySettings.DEFAULT_METHODS)
                .add()
                .property().name(PolicySettings.METHODS_REQUIRED)
                .label("Number of methods required to reset")
                .helpText("How many different methods a user must prove before choosing a new password.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("1", "2")
                .defaultValue(String.valueOf(PolicySettings.DEFAULT_METHODS_REQUIRED))
                .add()
                .property().name(PolicySettings.HELPDESK)
                .label("Custom helpdesk email or URL")
                .helpText("Shown as \"Contact your administrator\" on every reset page: a mailto: address or an "
                        + "https:// URL.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .property().name(PolicySettings.CAPTCHA)
                .label("Require CAPTCHA")
                .helpText("A self-hosted proof-of-work check on the first page; no third-party service.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("true")
                .add()
                .property().name(PolicySettings.CODE_LIFETIME)
                .label("One-time code lifetime (seconds)")
                .helpText("How long an emailed code works: " + PolicySettings.MIN_CODE_LIFETIME_SECONDS + " to "
                        + PolicySettings.MAX_CODE_LIFETIME_SECONDS + " seconds. Entra uses 300 (5 minutes).")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(PolicySettings.DEFAULT_CODE_LIFETIME_SECONDS))
                .add()
                .property().name(PolicySettings.NOTIFY_USERS)
                .label("Notify users on password resets")
                .helpText("Mail users after any reset of their password, by themselves or by an admin. Needs the "
                        + "sspr-notify event listener in Realm settings > Events.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("true")
                .add()
                .property().name(PolicySettings.NOTIFY_ADMINS)
                .label("Notify all admins when other admins reset their password")
                .helpText("Mail every other admin when an admin account resets its password here. Needs the "
                        + "sspr-notify event listener in Realm settings > Events.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("true")
                .add()
                .property().name(PolicySettings.ADMIN_ROLES)
                .label("Admin roles")
                .helpText("Holders of these roles (directly, through a composite role or a group) are admins: they "
                        + "always need two methods and can never use security questions. Write client-id/role for a "
                        + "client role or the name of a realm role. In the master realm the role admin always "
                        + "counts.")
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .defaultValue(PolicySettings.DEFAULT_ADMIN_ROLES)
                .add()
                .property().name(PolicySettings.WRITEBACK)
                .label("Write back passwords to on-premises directory")
                .helpText("Users federated from LDAP or Active Directory reset here and the new password is written to "
                        + "the directory at once, under the directory's own password policy. Needs the user federation "
                        + "in edit mode WRITABLE (and LDAPS for Active Directory). Off, or with READ_ONLY or UNSYNCED "
                        + "federation, these users are sent to the helpdesk. Federated admins can never reset here.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("true")
                .add()
                .property().name(PolicySettings.UNLOCK)
                .label("Allow users to unlock account without resetting password")
                .helpText("After proving who they are, a locked-out user may choose to unlock the account and keep "
                        + "the current password instead of choosing a new one. A reset always unlocks too.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add()
                .build();
    }
}
