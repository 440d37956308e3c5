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
 * How the account console reaches the registration action for one method. Its "Set up" and "Update" buttons start
 * the action named in a credential type's metadata as an application-initiated action; Keycloak splits
 * {@code kc_action=id:parameter}, so the parameter tells the action which method to open.
 */
public final class ConsoleActions {

    /** The "Register security info" required action. */
    public static final String REGISTER_ACTION = "sspr-register-security-info";

    private ConsoleActions() {
    }

    /** The {@code kc_action} that opens {@code factor}'s setup; null when the realm has the action switched off. */
    public static String setup(RealmModel realm, MethodKind.Factor factor) {
        RequiredActionProviderModel action = realm == null ? null
                : realm.getRequiredActionProviderByAlias(REGISTER_ACTION);
        return action != null && action.isEnabled() ? REGISTER_ACTION + ":" + factor.id() : null;
    }

    /**
     * Metadata for one of the extension's credential types. Removing it in the account console is offered only while
     * the user keeps enough methods to reset; otherwise the user removes it on the registration page, which says
     * first what they would lose.
     */
    public static CredentialTypeMetadata metadata(KeycloakSession session, CredentialTypeMetadataContext context,
                                                  String type, MethodKind.Factor factor, String displayName,
                                                  String helpText) {
        RealmModel realm = session.getContext().getRealm();
        String action = setup(realm, factor);
        return CredentialTypeMetadata.builder()
                .type(type)
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName(displayName)
                .helpText(helpText)
                .createAction(action)
                .updateAction(action)
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
