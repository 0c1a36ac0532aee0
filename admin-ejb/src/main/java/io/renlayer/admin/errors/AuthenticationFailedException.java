package io.renlayer.admin.errors;

import jakarta.ejb.ApplicationException;

/**
 * Sign-in refused. The message never says which factor was wrong. Does not roll back, so that the
 * failed-attempt counter it follows is kept.
 */
@ApplicationException(rollback = false)
public class AuthenticationFailedException extends RuntimeException {

    private final boolean otpRequired;

    public AuthenticationFailedException(String message, boolean otpRequired) {
        super(message);
        this.otpRequired = otpRequired;
    }

    /** True when e-mail and password were right and only the one-time code is missing. */
    public boolean otpRequired() {
        return otpRequired;
    }
}
