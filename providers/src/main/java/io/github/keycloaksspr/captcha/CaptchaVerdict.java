package io.github.keycloaksspr.captcha;

/** The outcome of checking a submitted CAPTCHA solution. */
public enum CaptchaVerdict {
    VALID,
    MISSING,
    INVALID,
    REPLAYED;

    public boolean passed() {
        return this == VALID;
    }
}
