package io.github.keycloaksspr.audit;

import java.util.Locale;

/** Why a gate failed, as audit records and event details name it. */
public enum FailureReason {
    CAPTCHA_MISSING,
    CAPTCHA_INVALID,
    CAPTCHA_REPLAYED,
    SEND_FAILED,
    INVALID_CODE,
    EXPIRED_CODE,
    TOO_MANY_ATTEMPTS,
    THROTTLED,
    BLOCKED,
    WRONG_ANSWER,
    PASSWORD_POLICY,
    UPDATE_REFUSED,
    DIRECTORY_POLICY,
    UNLOCK_FAILED,
    ACCOUNT_DISABLED,
    NO_PROOF;

    /** The stable lower-case code stored in records, e.g. {@code invalid_code}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
