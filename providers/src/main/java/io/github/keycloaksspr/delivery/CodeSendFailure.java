package io.github.keycloaksspr.delivery;

/**
 * A channel that could not deliver a one-time code. The message is for the server log and names servers or the
 * provider's error, never the code; {@link #providerCode()} is what the audit record keeps.
 */
public final class CodeSendFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String providerCode;

    public CodeSendFailure(String providerCode, String detail, Throwable cause) {
        super(detail, cause);
        this.providerCode = providerCode;
    }

    public String providerCode() {
        return providerCode;
    }
}
