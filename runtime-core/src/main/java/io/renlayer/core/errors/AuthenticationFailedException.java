package io.renlayer.core.errors;

import jakarta.ejb.ApplicationException;

/**
 * Sign-in refused. The message never says which factor was wrong. Does not roll back, so that the
 * audit record of the failure is kept.
 */
@ApplicationException(rollback = false)
public class AuthenticationFailedException extends RuntimeException {

    private final boolean otpRequired;

    public AuthenticationFailedException(String message, boolean otpRequired) {
        super(message);
        this.otpRequired = otpRequired;
    }

    /** True when the request carried no one-time code: a sign-in needs one (it says nothing of the password). */
    public boolean otpRequired() {
        return otpRequired;
    }
}
