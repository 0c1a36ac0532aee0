package io.renlayer.core.identity;

/**
 * An access token the gateway does not accept, with the kind of refusal. The message never quotes
 * the token or its claims: it is logged and returned to the caller.
 */
public final class TokenRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why, in words a caller can act on. */
    public enum Reason {
        MALFORMED("the token is not a signed JWT"),
        UNKNOWN_ISSUER("the token's issuer is not an identity provider this gateway trusts"),
        UNKNOWN_CLIENT("no agent is bound to the token's issuer and client"),
        PROVIDER_DISABLED("the tenant has switched its identity provider off"),
        SIGNATURE("the token's signature does not match the identity provider's keys"),
        EXPIRED("the token has expired"),
        NOT_YET_VALID("the token is not valid yet"),
        AUDIENCE("the token is not meant for this gateway (audience)"),
        KEYS_UNAVAILABLE("the identity provider's keys could not be fetched");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public TokenRefusedException(Reason reason) {
        super(reason.message(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
