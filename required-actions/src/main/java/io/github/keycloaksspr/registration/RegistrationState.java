package io.github.keycloaksspr.registration;

import java.util.Optional;

import org.keycloak.sessions.AuthenticationSessionModel;

import io.github.keycloaksspr.code.OneTimeCode;
import io.github.keycloaksspr.method.MethodKind.Factor;

/**
 * Where a user is in registration, kept in the authentication session so a page posted to another node carries on.
 * Only the page being shown accepts input: a form from an earlier page, another tab or a replay finds a different
 * page here and is answered with the current one.
 */
final class RegistrationState {

    static final String OVERVIEW = "overview";
    static final String CODE = "code";
    static final String PROVE = "prove";

    private static final String PREFIX = "sspr.reg.";
    private static final String PAGE = PREFIX + "page";
    private static final String TARGET_FACTOR = PREFIX + "target.factor";
    private static final String TARGET_CHANNEL = PREFIX + "target.channel";
    private static final String TARGET_DESTINATION = PREFIX + "target.destination";
    private static final String TARGET_EXTENSION = PREFIX + "target.extension";
    private static final String TARGET_PREFILLED = PREFIX + "target.prefilled";
    private static final String LAST_SENT = PREFIX + "last-sent.";
    private static final String TOTP_SECRET = PREFIX + "totp-secret";
    private static final String REMOVAL = PREFIX + "removal";
    private static final String TARGET_PROVES = PREFIX + "target.proves";
    private static final String PROVEN = PREFIX + "proven";
    private static final String INTENT = PREFIX + "intent";

    private final AuthenticationSessionModel session;

    RegistrationState(AuthenticationSessionModel session) {
        this.session = session;
    }

    /** The page the user was shown last: the overview, a method's setup page, or the code page. */
    String page() {
        String page = session.getAuthNote(PAGE);
        return page == null ? OVERVIEW : page;
    }

    void showing(String page) {
        session.setAuthNote(PAGE, page);
    }

    /**
     * Where a code went, or goes next, and how.
     *
     * @param channel   {@code email}, {@code sms} or {@code voice}
     * @param prefilled whether the destination is data an admin filled in
     */
    record Target(Factor factor, String channel, String destination, String extension, boolean prefilled) {
    }

    void target(Target target) {
        session.setAuthNote(TARGET_FACTOR, target.factor().id());
        session.setAuthNote(TARGET_CHANNEL, target.channel());
        session.setAuthNote(TARGET_DESTINATION, target.destination());
        session.setAuthNote(TARGET_EXTENSION, target.extension());
        session.setAuthNote(TARGET_PREFILLED, Boolean.toString(target.prefilled()));
        session.removeAuthNote(TARGET_PROVES);
    }

    /** A registered method the user proves before changing what they registered; nothing is stored by it. */
    void proofTarget(Target target) {
        target(target);
        session.setAuthNote(TARGET_PROVES, "true");
    }

    boolean targetProves() {
        return Boolean.parseBoolean(session.getAuthNote(TARGET_PROVES));
    }

    /** Whether the user proved one of their registered methods in this sign-in. */
    boolean proven() {
        return Boolean.parseBoolean(session.getAuthNote(PROVEN));
    }

    void proven(boolean value) {
        session.setAuthNote(PROVEN, Boolean.toString(value));
    }

    /** What the user asked to do on the overview before they were asked to prove it's them. */
    Optional<String> intent() {
        return Optional.ofNullable(session.getAuthNote(INTENT));
    }

    void intent(String action) {
        if (action == null) {
            session.removeAuthNote(INTENT);
        } else {
            session.setAuthNote(INTENT, action);
        }
    }

    Optional<Target> target() {
        Optional<Factor> factor = Factor.fromId(session.getAuthNote(TARGET_FACTOR));
        String destination = session.getAuthNote(TARGET_DESTINATION);
        if (factor.isEmpty() || destination == null) {
            return Optional.empty();
        }
        String extension = session.getAuthNote(TARGET_EXTENSION);
        return Optional.of(new Target(factor.get(), session.getAuthNote(TARGET_CHANNEL), destination,
                extension == null ? "" : extension, Boolean.parseBoolean(session.getAuthNote(TARGET_PREFILLED))));
    }

    void storeCode(OneTimeCode code, Factor factor, long now) {
        code.toNotes().forEach(session::setAuthNote);
        session.setAuthNote(LAST_SENT + factor.id(), Long.toString(now));
    }

    Optional<OneTimeCode> pendingCode() {
        return OneTimeCode.fromNotes(session::getAuthNote);
    }

    long lastSent(Factor factor) {
        String value = session.getAuthNote(LAST_SENT + factor.id());
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Forgets the code and where it went: used once, or abandoned. */
    void clearCode() {
        OneTimeCode.noteNames().forEach(session::removeAuthNote);
        for (String note : new String[] {TARGET_FACTOR, TARGET_CHANNEL, TARGET_DESTINATION, TARGET_EXTENSION,
                TARGET_PREFILLED, TARGET_PROVES}) {
            session.removeAuthNote(note);
        }
    }

    /** The authenticator app secret shown on the setup page; it means nothing until a code from it is checked. */
    Optional<String> totpSecret() {
        return Optional.ofNullable(session.getAuthNote(TOTP_SECRET));
    }

    void totpSecret(String secret) {
        if (secret == null) {
            session.removeAuthNote(TOTP_SECRET);
        } else {
            session.setAuthNote(TOTP_SECRET, secret);
        }
    }

    /** The method whose removal the user was warned about and may now confirm. */
    Optional<Factor> pendingRemoval() {
        return Factor.fromId(session.getAuthNote(REMOVAL));
    }

    void pendingRemoval(Factor factor) {
        if (factor == null) {
            session.removeAuthNote(REMOVAL);
        } else {
            session.setAuthNote(REMOVAL, factor.id());
        }
    }
}
