package io.github.keycloaksspr.throttle.jpa;

import io.github.keycloaksspr.throttle.Subjects;
import io.github.keycloaksspr.throttle.ThrottleKind;

/** One counter: a realm, a kind and a hashed subject; {@link #lockId()} names its row in SSPR_THROTTLE_KEY. */
record CounterKey(String realmId, ThrottleKind kind, String subjectHash) {

    static CounterKey of(String realmId, ThrottleKind kind, String rawSubject) {
        return new CounterKey(realmId, kind, Subjects.hash(rawSubject));
    }

    String lockId() {
        return Subjects.hash(realmId + "\n" + kind.id() + "\n" + subjectHash);
    }
}
