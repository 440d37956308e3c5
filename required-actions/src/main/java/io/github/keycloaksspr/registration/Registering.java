package io.github.keycloaksspr.registration;

import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.github.keycloaksspr.audit.Audit;
import io.github.keycloaksspr.audit.AuditActivity;
import io.github.keycloaksspr.audit.AuditResult;
import io.github.keycloaksspr.audit.EventDetails;
import io.github.keycloaksspr.forms.FormFields;
import io.github.keycloaksspr.forms.HelpdeskAttributes;
import io.github.keycloaksspr.method.MethodKind.Factor;
import io.github.keycloaksspr.policy.Policy;
import io.github.keycloaksspr.policy.PolicyResolver;
import io.github.keycloaksspr.throttle.Throttles;

/**
 * What registration works with during one request: the required action's context, the reset policy, the
 * registration settings and the user's progress. Pages built here carry the helpdesk link.
 */
final class Registering {

    static final String ACTION = "sspr-action";

    private final RequiredActionContext context;
    private final Policy policy;
    private final RegistrationSettings settings;
    private final RegistrationState state;

    Registering(RequiredActionContext context) {
        this.context = context;
        this.policy = PolicyResolver.resolve(context.getSession(), context.getRealm());
        this.settings = RegistrationSettings.parse(context.getConfig() == null ? null : context.getConfig().getConfig());
        this.state = new RegistrationState(context.getAuthenticationSession());
    }

    RequiredActionContext context() {
        return context;
    }

    KeycloakSession session() {
        return context.getSession();
    }

    RealmModel realm() {
        return context.getRealm();
    }

    UserModel user() {
        return context.getUser();
    }

    Policy policy() {
        return policy;
    }

    RegistrationSettings settings() {
        return settings;
    }

    RegistrationState state() {
        return state;
    }

    RegistrationStatus status() {
        return RegistrationStatus.of(session(), realm(), user(), policy, settings);
    }

    Throttles throttles() {
        return Throttles.of(session(), realm(), policy.throttles());
    }

    String clientAddress() {
        return context.getConnection() == null ? null : context.getConnection().getRemoteAddr();
    }

    /**
     * Started by an application (the account console) asking for this action, and cancellable: Keycloak calls an
     * application's action enforced, and ignores its Cancel, when the same action was also due at sign-in.
     */
    boolean appInitiated() {
        return RegisterSecurityInfoFactory.ID.equals(
                        context.getAuthenticationSession().getClientNote(Constants.KC_ACTION))
                && !Boolean.parseBoolean(context.getAuthenticationSession().getClientNote(Constants.KC_ACTION_ENFORCED));
    }

    /** The one method an application asked to set up ({@code kc_action=sspr-register-security-info:email}). */
    Optional<Factor> requestedFactor() {
        if (!appInitiated()) {
            return Optional.empty();
        }
        return Factor.fromId(context.getAuthenticationSession().getClientNote(Constants.KC_ACTION_PARAMETER));
    }

    /** A posted field, trimmed and cut to {@code maxLength}; never null. */
    String field(String name, int maxLength) {
        return FormFields.trimmed(context.getHttpRequest(), name, maxLength);
    }

    /** A registration page with the helpdesk link and what every template needs. */
    LoginFormsProvider form() {
        return HelpdeskAttributes.apply(context.form(), policy).setAttribute("ssprAppInitiated", appInitiated());
    }

    Response page(String template, PageLine line) {
        return line.applyTo(form()).createForm(template);
    }

    Audit audit() {
        return new Audit(session(), realm(), context.getAuthenticationSession().getParentSession().getId());
    }

    /** One method proven and stored: audited, and the Keycloak event says which. */
    void registered(Factor factor) {
        audit().activity(AuditActivity.USER_REGISTERED, user(), factor.id(), AuditResult.SUCCESS, "method_added");
    }

    void refused(Factor factor, String reason) {
        audit().activity(AuditActivity.USER_REGISTERED, user(), factor.id(), AuditResult.FAILURE, reason);
    }

    /** The user finished with enough methods: audited with all of them, and the event carries the list. */
    void finished(RegistrationStatus status, String reason) {
        String methods = status.registered().keySet().stream().map(Factor::id).sorted()
                .collect(Collectors.joining(","));
        audit().activity(AuditActivity.USER_REGISTERED, user(), methods, AuditResult.SUCCESS, reason);
        context.getEvent().detail(EventDetails.METHODS, methods).detail(EventDetails.REASON, reason);
    }
}
