package io.github.keycloaksspr.throttle.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.github.keycloaksspr.method.MethodKind;
import io.github.keycloaksspr.throttle.ThrottleKind;
import io.github.keycloaksspr.throttle.ThrottleSettings;
import io.github.keycloaksspr.throttle.Throttles;

/** The reset flow's throttles with Entra's figures, on the database store, with a clock the test moves. */
class ThrottlesTest {

    private static final long START = 1_800_000_000_000L;

    private final AtomicLong clock = new AtomicLong(START);
    private final UserModel alice = user("alice-id");
    private final UserModel bob = user("bob-id");
    private ThrottleDatabase database;
    private Throttles throttles;

    @BeforeEach
    void database() throws Exception {
        database = new ThrottleDatabase();
        throttles = throttlesWith(ThrottleSettings.defaults());
    }

    @AfterEach
    void close() throws SQLException {
        database.close();
    }

    @Test
    @DisplayName("Given four failed proofs, then the fifth blocks the user for 24 hours, and the user is free "
            + "again after")
    void failedProofsBlock() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttles.recordFailedProof(alice)).isFalse();
            clock.addAndGet(Duration.ofHours(1).toMillis());
        }
        assertThat(throttles.isBlocked(alice)).isFalse();

        assertThat(throttles.recordFailedProof(alice)).isTrue();
        Instant blockedAt = Instant.ofEpochMilli(clock.get());

        assertThat(throttles.blockedUntil(alice)).contains(blockedAt.plus(Duration.ofHours(24)));
        assertThat(throttles.isBlocked(bob)).isFalse();
        clock.addAndGet(Duration.ofHours(24).toMillis() - 1);
        assertThat(throttles.isBlocked(alice)).isTrue();
        clock.incrementAndGet();
        assertThat(throttles.isBlocked(alice)).isFalse();
        assertThat(throttles.recordFailedProof(alice)).isFalse();
    }

    @Test
    @DisplayName("Given an admin's figures, then they apply instead of Entra's")
    void adminFigures() {
        Throttles strict = throttlesWith(ThrottleSettings.parse(Map.of(
                ThrottleSettings.FAILED_PROOFS, "2", ThrottleSettings.FAILED_PROOFS_HOURS, "1")));

        assertThat(strict.recordFailedProof(alice)).isFalse();
        assertThat(strict.recordFailedProof(alice)).isTrue();
        assertThat(strict.blockedUntil(alice)).contains(Instant.ofEpochMilli(START).plus(Duration.ofHours(1)));
    }

    @Test
    @DisplayName("Given five code tries for email in an hour, then a sixth is refused, and counts are per method "
            + "and per user")
    void codeTries() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttles.tryCodeTry(alice, MethodKind.EMAIL)).isTrue();
        }
        assertThat(throttles.tryCodeTry(alice, MethodKind.EMAIL)).isFalse();
        assertThat(throttles.tryCodeTry(bob, MethodKind.EMAIL)).isTrue();

        clock.addAndGet(Duration.ofHours(1).toMillis());
        assertThat(throttles.tryCodeTry(alice, MethodKind.EMAIL)).isTrue();
    }

    @Test
    @DisplayName("Given ten email codes in ten minutes, then an eleventh is refused until ten minutes have passed")
    void emailSends() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttles.tryEmailSend(alice)).isTrue();
        }
        assertThat(throttles.tryEmailSend(alice)).isFalse();
        clock.addAndGet(Duration.ofMinutes(10).toMillis());
        assertThat(throttles.tryEmailSend(alice)).isTrue();
    }

    @Test
    @DisplayName("Given five texts to one user, then a sixth is refused by the user's limit")
    void phoneSendsPerUser() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttles.tryPhoneSend(alice, "+1555010" + i, "192.0.2.1")).isEmpty();
        }
        assertThat(throttles.tryPhoneSend(alice, "+15550199", "192.0.2.1")).contains(ThrottleKind.PHONE_SEND_USER);
    }

    @Test
    @DisplayName("Given five texts to one number from different users, then a sixth user's text to it is refused "
            + "by the number's limit and counts against nobody")
    void phoneSendsPerNumberAcrossUsers() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttles.tryPhoneSend(user("user-" + i), "+15550100", "192.0.2." + i)).isEmpty();
        }
        assertThat(throttles.tryPhoneSend(alice, "+15550100", "192.0.2.99")).contains(ThrottleKind.PHONE_SEND_NUMBER);

        for (int i = 0; i < 5; i++) {
            assertThat(throttles.tryPhoneSend(alice, "+1555020" + i, "192.0.2.99")).isEmpty();
        }
    }

    @Test
    @DisplayName("Given twenty texts from one address, then a twenty-first is refused by the address's limit; an "
            + "unknown address skips that limit")
    void phoneSendsPerAddress() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttles.tryPhoneSend(user("user-" + i), "+1555030" + i, "198.51.100.7")).isEmpty();
        }
        assertThat(throttles.tryPhoneSend(alice, "+15550400", "198.51.100.7")).contains(ThrottleKind.PHONE_SEND_IP);
        assertThat(throttles.tryPhoneSend(alice, "+15550400", null)).isEmpty();
    }

    @Test
    @DisplayName("Given a blocked user with used-up sends and tries, then after a reset the user starts afresh, but "
            + "the number's and the address's counters stay")
    void clearAfterReset() {
        for (int i = 0; i < 5; i++) {
            throttles.recordFailedProof(alice);
            throttles.tryCodeTry(alice, MethodKind.EMAIL);
            throttles.tryPhoneSend(alice, "+15550100", "192.0.2.1");
        }
        for (int i = 0; i < 10; i++) {
            throttles.tryEmailSend(alice);
        }
        assertThat(throttles.isBlocked(alice)).isTrue();

        database.inCallerTransaction(store -> {
            new Throttles(store, realm(), ThrottleSettings.defaults(), clock::get).clearAfterReset(alice);
            return null;
        });

        assertThat(throttles.isBlocked(alice)).isFalse();
        assertThat(throttles.tryCodeTry(alice, MethodKind.EMAIL)).isTrue();
        assertThat(throttles.tryEmailSend(alice)).isTrue();
        assertThat(throttles.tryPhoneSend(alice, "+15550100", "192.0.2.1")).contains(ThrottleKind.PHONE_SEND_NUMBER);
        assertThat(throttles.tryPhoneSend(alice, "+15550200", "192.0.2.1")).isEmpty();
    }

    private Throttles throttlesWith(ThrottleSettings settings) {
        return new Throttles(database.store(), realm(), settings, clock::get);
    }

    private static RealmModel realm() {
        RealmModel realm = mock(RealmModel.class);
        when(realm.getId()).thenReturn("realm-1");
        return realm;
    }

    private static UserModel user(String id) {
        UserModel user = mock(UserModel.class);
        when(user.getId()).thenReturn(id);
        return user;
    }
}
