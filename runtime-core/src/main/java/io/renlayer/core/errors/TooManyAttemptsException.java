package io.renlayer.core.errors;

import jakarta.ejb.ApplicationException;

/** Too many failed attempts from this source (for this account): try again after {@link #retryAfterSeconds()}. */
@ApplicationException(rollback = true)
public class TooManyAttemptsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyAttemptsException(long retryAfterSeconds) {
        super("too many failed attempts; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
