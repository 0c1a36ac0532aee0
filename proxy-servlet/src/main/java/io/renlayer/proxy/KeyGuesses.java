package io.renlayer.proxy;

import io.renlayer.admin.runtime.FailureThrottle;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;

/**
 * Calls that presented an unknown or invalid key, per address: past 200 in 10 s the address waits
 * (429). A key has ~190 random bits, so this is defence in depth against a noisy guesser, set well
 * above what a misconfigured client retrying in a loop sends. A call without any key guesses
 * nothing and is not counted.
 */
final class KeyGuesses {

    private final FailureThrottle throttle = new FailureThrottle(200, Duration.ofSeconds(10), 100_000);

    /** Seconds this caller's address must wait; 0 when it may call. */
    long retryAfterSeconds(HttpServletRequest request) {
        return throttle.retryAfterSeconds(request.getRemoteAddr());
    }

    /** The call was refused for its key (401). */
    void refused(HttpServletRequest request) {
        if (request.getHeader("authorization") != null || request.getHeader("x-api-key") != null) {
            throttle.failed(request.getRemoteAddr());
        }
    }
}
