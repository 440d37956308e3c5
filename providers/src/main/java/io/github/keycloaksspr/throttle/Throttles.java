package io.github.keycloaksspr.throttle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.github.keycloaksspr.method.MethodKind;

/**
 * The reset flow's throttles for one realm, in the flow's own terms. Each {@code try...} counts the attempt only
 * when it is allowed; a refused attempt leaves the counters as they were. Database failures are thrown, and the
 * caller should then refuse the attempt rather than let it through unthrottled.
 */
public final class Throttles {

    private final ThrottleStore store;
    private final RealmModel realm;
    private final ThrottleSettings settings;
    private final LongSupplier clock;

    public Throttles(ThrottleStore store, RealmModel realm, ThrottleSettings settings, LongSupplier clock) {
        this.store = store;
        this.realm = realm;
        this.settings = settings;
        this.clock = clock;
    }

    /** Keycloak's clock, so a server time offset moves the windows too. */
    public static Throttles of(KeycloakSession session, RealmModel realm, ThrottleSettings settings) {
        return new Throttles(session.getProvider(ThrottleStore.class), realm, settings, Time::currentTimeMillis);
    }

    /**
     * Counts a wrong code, TOTP or security answer.
     *
     * @return whether this failure blocked the user (it was the Nth in the window)
     */
    public boolean recordFailedProof(UserModel user) {
        return store.recordFailure(realm, settings.limit(ThrottleKind.FAILED_PROOF), user.getId(), clock.getAsLong());
    }

    /** How many more wrong proofs the user may make before being blocked; shown as "n tries left". */
    public int failedProofsLeft(UserModel user) {
        Limit limit = settings.limit(ThrottleKind.FAILED_PROOF);
        int used = store.count(realm, limit, Subjects.user(user.getId()), clock.getAsLong());
        return Math.max(0, limit.max() - used);
    }

    /** When the user's block ends, if the user is blocked from self-service password reset. */
    public Optional<Instant> blockedUntil(UserModel user) {
        return store.blockedUntil(realm, user.getId(), settings.limit(ThrottleKind.BLOCK).window(), clock.getAsLong());
    }

    public boolean isBlocked(UserModel user) {
        return blockedUntil(user).isPresent();
    }

    /** Counts one submission of a code for {@code method}, right or wrong; false when the hourly tries are used up. */
    public boolean tryCodeTry(UserModel user, MethodKind method) {
        return store.tryAcquire(realm, settings.limit(ThrottleKind.CODE_TRY), Subjects.userMethod(user.getId(), method),
                clock.getAsLong());
    }

    /** How many more submissions {@code method} takes this hour; a method with none left sends nothing more. */
    public int codeTriesLeft(UserModel user, MethodKind method) {
        Limit limit = settings.limit(ThrottleKind.CODE_TRY);
        int used = store.count(realm, limit, Subjects.userMethod(user.getId(), method), clock.getAsLong());
        return Math.max(0, limit.max() - used);
    }

    /** How many wrong proofs the user made in the current window; part of what picks the security questions. */
    public int failedProofsMade(UserModel user) {
        Limit limit = settings.limit(ThrottleKind.FAILED_PROOF);
        return store.count(realm, limit, Subjects.user(user.getId()), clock.getAsLong());
    }

    /** Counts one email code about to be sent; false when the user has had enough of them lately. */
    public boolean tryEmailSend(UserModel user) {
        return store.tryAcquire(realm, settings.limit(ThrottleKind.EMAIL_SEND), Subjects.user(user.getId()),
                clock.getAsLong());
    }

    /**
     * Counts one text message or voice call about to go to {@code e164}, against the user, the number and, when
     * known, the client's address, all or none.
     *
     * @param ipAddress the client's address; null or blank when unknown, which skips that limit
     * @return empty when the send may go ahead, else the limit that refused it
     */
    public Optional<ThrottleKind> tryPhoneSend(UserModel user, String e164, String ipAddress) {
        List<Charge> charges = new ArrayList<>();
        charges.add(new Charge(settings.limit(ThrottleKind.PHONE_SEND_USER), Subjects.user(user.getId())));
        charges.add(new Charge(settings.limit(ThrottleKind.PHONE_SEND_NUMBER), e164));
        if (ipAddress != null && !ipAddress.isBlank()) {
            charges.add(new Charge(settings.limit(ThrottleKind.PHONE_SEND_IP), ipAddress));
        }
        return store.tryAcquireAll(realm, charges, clock.getAsLong());
    }

    /** After a successful reset: the user starts afresh, in the reset's own transaction. */
    public void clearAfterReset(UserModel user) {
        store.clearUser(realm, user.getId());
    }
}
