package io.github.keycloaksspr.policy;

/** Who may use self-service password reset in a realm (Entra's "Self service password reset enabled"). */
public enum Scope {
    /** Nobody: the safe default until an admin opts in. */
    NONE,
    /** Members of one group, including members of its nested subgroups. */
    SELECTED,
    /** Every user of the realm. */
    ALL
}
