package io.github.keycloaksspr.method;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

import io.github.keycloaksspr.policy.Policy;
import io.github.keycloaksspr.questions.SecurityQuestionsCredentialProvider;

/**
 * Which verification methods a user holds. Only proven contact data counts: an authentication email proven at
 * registration, else the account's address once it is verified,
 * phones and security questions once registered (they are stored as credentials, which users cannot edit through
 * their profile), an authenticator app once Keycloak's own OTP setup has completed.
 */
public final class RegisteredMethods {

    private RegisteredMethods() {
    }

    /** Every method the user holds, whatever the policy allows. */
    public static Map<MethodKind, Registration> of(KeycloakSession session, RealmModel realm, UserModel user,
                                                   Policy policy) {
        Map<MethodKind, Registration> held = new EnumMap<>(MethodKind.class);
        for (MethodKind kind : MethodKind.values()) {
            lookup(kind, session, realm, user, policy).ifPresent(registration -> held.put(kind, registration));
        }
        if (held.containsKey(MethodKind.OFFICE_VOICE) && samePhoneTwice(user)) {
            // an office phone that is the mobile phone is one device: it must not count as a second method
            held.remove(MethodKind.OFFICE_VOICE);
        }
        return held;
    }

    /** The methods a user holds that {@code allowed} also contains. */
    public static Map<MethodKind, Registration> usable(KeycloakSession session, RealmModel realm, UserModel user,
                                                       Policy policy, Set<MethodKind> allowed) {
        Map<MethodKind, Registration> usable = of(session, realm, user, policy);
        usable.keySet().retainAll(allowed);
        return usable;
    }

    public static Optional<Registration> lookup(MethodKind kind, KeycloakSession session, RealmModel realm,
                                               UserModel user, Policy policy) {
        return switch (kind) {
            case EMAIL -> email(user);
            case AUTHENTICATOR_APP -> authenticatorApp(user);
            case MOBILE_SMS, MOBILE_VOICE -> PhoneCredentials.mobile(user).map(phone -> phone.registration(kind));
            case OFFICE_VOICE -> PhoneCredentials.office(user).map(phone -> phone.registration(kind));
            case SECURITY_QUESTIONS -> securityQuestions(session, user, policy);
        };
    }

    /** The registered authentication email first; without one, the account's address once it is verified. */
    private static Optional<Registration> email(UserModel user) {
        Optional<EmailCredentials.RegisteredEmail> registered = EmailCredentials.registered(user);
        if (registered.isPresent()) {
            String address = registered.get().address();
            return Optional.of(new Registration(MethodKind.EMAIL, Masking.email(address), address));
        }
        String email = user.getEmail();
        if (email == null || email.isBlank() || !user.isEmailVerified()) {
            return Optional.empty();
        }
        return Optional.of(new Registration(MethodKind.EMAIL, Masking.email(email), email));
    }

    private static boolean samePhoneTwice(UserModel user) {
        Optional<String> mobile = PhoneCredentials.mobile(user).map(phone -> phone.number().e164());
        Optional<String> office = PhoneCredentials.office(user).map(phone -> phone.number().e164());
        return mobile.isPresent() && mobile.equals(office);
    }

    /** Registered questions count once there are enough of them to draw the number the policy asks at reset. */
    private static Optional<Registration> securityQuestions(KeycloakSession session, UserModel user,
                                                            Policy policy) {
        int registered = SecurityQuestionsCredentialProvider.of(session).registeredQuestions(user).size();
        if (registered < policy.questions().toReset()) {
            return Optional.empty();
        }
        return Optional.of(new Registration(MethodKind.SECURITY_QUESTIONS, "", ""));
    }

    /** The app the user set up most recently; its label, if the user gave one, helps them pick the right device. */
    private static Optional<Registration> authenticatorApp(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                .reduce((first, second) -> second)
                .map(credential -> new Registration(MethodKind.AUTHENTICATOR_APP,
                        credential.getUserLabel() == null ? "" : credential.getUserLabel(), credential.getId()));
    }
}
