package io.renlayer.admin.identity;

/**
 * A sign-in through the provider that did not complete, with a reason the sign-in page names; no
 * value the provider or the browser sent is carried.
 */
public final class SignInRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why; {@link #code()} is what the sign-in page is told. */
    public enum Reason {
        NO_PROVIDER("no_provider"),
        PROVIDER_UNAVAILABLE("provider_unavailable"),
        STATE_MISMATCH("state"),
        TOKEN_REFUSED("refused"),
        NO_ROLE("no_role"),
        USER_DISABLED("disabled");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public SignInRefusedException(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
