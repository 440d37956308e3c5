package io.github.keycloaksspr.reset.support;

/** Authentication-session note names shared by the reset flow's steps; all carry the sspr. prefix. */
public final class ResetNotes {

    /** A message key the first page shows once, after the flow was restarted. */
    public static final String NOTICE = "sspr.notice";
    /**
     * The id of the account the user typed, if it exists. It becomes the flow's user only once it is found
     * eligible: Keycloak itself answers differently for a disabled flow user, which would tell accounts apart.
     */
    public static final String CANDIDATE = "sspr.candidate";
    /**
     * The id of a permanently locked-out account that passed eligibility. It cannot be the flow's user: Keycloak ends
     * any flow whose user is disabled, and only verification may lift the lock. See {@link ResetSubject}.
     */
    public static final String LOCKED_SUBJECT = "sspr.locked-subject";
    /** What the user typed on the first page, kept only until the eligibility step has recorded its event. */
    public static final String TYPED_USERNAME = "sspr.typed-username";
    /** The methods proven so far in this flow, comma-separated ids. */
    public static final String PROVEN = "sspr.verify.proven";
    /** The account the proven methods were proven for. */
    public static final String PROVEN_USER = "sspr.verify.proven-user";
    /** Set once the new password is saved, so a replayed form only shows the success page. */
    public static final String DONE = "sspr.done";

    private ResetNotes() {
    }
}
