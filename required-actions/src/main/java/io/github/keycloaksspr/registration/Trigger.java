package io.github.keycloaksspr.registration;

import java.time.Duration;

/**
 * Why sign-in stops at the registration page, if it does. Entra asks users in scope who hold too few methods to
 * register, and registered users whose last confirmation is older than the reconfirm period to confirm.
 */
enum Trigger {
    NONE,
    REGISTER,
    RECONFIRM;

    /**
     * @param held        distinct methods the user holds among those they may use
     * @param needed      how many make them registered; 0 when the policy offers them nothing to register
     * @param confirmedAt when the user last finished registration or confirmed it, epoch millis; null for never
     */
    static Trigger decide(RegistrationSettings settings, boolean inScope, long held, int needed, Long confirmedAt,
                          long now) {
        if (!settings.enforce() || !inScope || needed == 0) {
            return NONE;
        }
        if (held < needed) {
            return REGISTER;
        }
        if (settings.reconfirmDays() == 0) {
            return NONE;
        }
        // methods imported or set up elsewhere were never confirmed here: ask once, then every period; a date in
        // the future was not written by this action
        if (confirmedAt == null || confirmedAt > now) {
            return RECONFIRM;
        }
        return now - confirmedAt >= Duration.ofDays(settings.reconfirmDays()).toMillis() ? RECONFIRM : NONE;
    }
}
