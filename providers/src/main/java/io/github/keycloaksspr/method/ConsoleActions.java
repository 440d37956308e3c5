package io.github.keycloaksspr.method;

import java.util.EnumSet;
import java.util.Set;

import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;

import io.github.keycloaksspr.policy.Policy;
import io.github.keycloaksspr.policy.PolicyResolver;

/**
 * How the account console reaches the registration action. Its "Set up" and "Update" buttons start the action named
 * in a credential type's metadata as an application-initiated action. Keycloak keeps that name only when it is the
 * provider id of a required action the realm has enabled ({@code id:parameter} is dropped, and the button with it),
 * and refuses metadata that names both a create and an update action; so the console opens the registration page,
 * where the user picks the method. Applications may still ask for one method with
 * {@code kc_action=sspr-register-security-info:<method>}.
 */
public final class ConsoleActions {

    /** The "Register security info" required action. */
    public static final String REGISTER_ACTION = "sspr-register-security-info";

    private ConsoleActions() {
    }

    /** The {@code kc_action} that opens registration; null when the realm has the action switched off. */
    public static String setup(RealmModel realm) {
        RequiredActionProviderModel action = realm == null ? null
                : realm.getRequiredActionProviderByAlias(REGISTER_ACTION);
        return action != null && action.isEnabled() ? REGISTER_ACTION : null;
    }

    /**
     * Metadata for one of the extension's credential types: "Set up" while the user holds none of it, "Update" once
     * they do (a new one replaces the old). Removing it in the account console is offered only while the user keeps
     * enough methods to reset; otherwise the user removes it on the registration page, which says first what they
     * would lose.
     */
    public static CredentialTypeMetadata metadata(KeycloakSession session, CredentialTypeMetadataContext context,
                                                  String type, MethodKind.Factor factor, String displayName,
                                                  String helpText) {
        RealmModel realm = session.getContext().getRealm();
        String action = setup(realm);
        boolean holds = context.getUser() != null
                && context.getUser().credentialManager().getStoredCredentialsByTypeStream(type).findAny().isPresent();
        return CredentialTypeMetadata.builder()
                .type(type)
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName(displayName)
                .helpText(helpText)
                .createAction(holds ? null : action)
                .updateAction(holds ? action : null)
                .removeable(realm == null || context.getUser() == null
                        || !leavesTooFew(session, realm, context.getUser(), factor))
                .build(session);
    }

    /** Whether losing {@code factor} would leave {@code user} unable to reset where they can today. */
    public static boolean leavesTooFew(KeycloakSession session, RealmModel realm, UserModel user,
                                       MethodKind.Factor factor) {
        Policy policy = PolicyResolver.resolve(session, realm);
        Requirement requirement = Requirement.of(session, realm, policy, user);
        Set<MethodKind> held = EnumSet.noneOf(MethodKind.class);
        held.addAll(RegisteredMethods.of(session, realm, user, policy).keySet());
        if (!requirement.satisfiableWith(held)) {
            return false;
        }
        held.removeIf(kind -> kind.factor() == factor);
        return !requirement.satisfiableWith(held);
    }
}
