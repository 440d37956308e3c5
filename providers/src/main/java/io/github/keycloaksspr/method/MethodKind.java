package io.github.keycloaksspr.method;

import java.util.Arrays;
import java.util.Optional;

/**
 * A way a user proves who they are during a reset, as an admin enables it. The id is what admins store in the
 * policy and what forms post, so it never changes once released. Methods that reach the same registered thing
 * (a mobile phone by SMS or by a call) share a {@link Factor} and count once toward N.
 */
public enum MethodKind {
    EMAIL("email", Factor.EMAIL),
    MOBILE_SMS("mobile-sms", Factor.MOBILE_PHONE),
    MOBILE_VOICE("mobile-voice", Factor.MOBILE_PHONE),
    OFFICE_VOICE("office-voice", Factor.OFFICE_PHONE),
    AUTHENTICATOR_APP("authenticator-app", Factor.AUTHENTICATOR_APP),
    SECURITY_QUESTIONS("security-questions", Factor.SECURITY_QUESTIONS);

    private final String id;
    private final Factor factor;

    MethodKind(String id, Factor factor) {
        this.id = id;
        this.factor = factor;
    }

    public String id() {
        return id;
    }

    public Factor factor() {
        return factor;
    }

    /** Whether proving this method means sending a code somewhere, which costs money or mail and is throttled. */
    public boolean sendsCode() {
        return this == EMAIL || this == MOBILE_SMS || this == MOBILE_VOICE || this == OFFICE_VOICE;
    }

    public boolean usesPhone() {
        return factor == Factor.MOBILE_PHONE || factor == Factor.OFFICE_PHONE;
    }

    public static Optional<MethodKind> fromId(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
    }

    /** The registered thing a method proves possession or knowledge of. */
    public enum Factor {
        EMAIL("email"),
        MOBILE_PHONE("mobile-phone"),
        OFFICE_PHONE("office-phone"),
        AUTHENTICATOR_APP("authenticator-app"),
        SECURITY_QUESTIONS("security-questions");

        private final String id;

        Factor(String id) {
            this.id = id;
        }

        /** What registration pages and the account console's actions call it; never changes once released. */
        public String id() {
            return id;
        }

        public static Optional<Factor> fromId(String id) {
            return Arrays.stream(values()).filter(factor -> factor.id.equals(id)).findFirst();
        }
    }
}
