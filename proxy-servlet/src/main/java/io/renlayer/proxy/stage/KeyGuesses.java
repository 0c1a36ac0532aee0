package io.renlayer.proxy.stage;

import io.renlayer.core.runtime.FailureThrottle;
import io.renlayer.proxy.pipeline.Exchange;
import java.time.Duration;

/**
 * Calls that presented an unknown or invalid key, per address: past 200 in 10 s the address waits
 * (429). A key has ~190 random bits, so this is defence in depth against a noisy guesser, set well
 * above what a misconfigured client retrying in a loop sends. A call without any key guesses
 * nothing and is not counted.
 */
public final class KeyGuesses {

    private final FailureThrottle throttle = new FailureThrottle(200, Duration.ofSeconds(10), 100_000);

    /** Seconds this address must wait; 0 when it may call. */
    long retryAfterSeconds(String clientAddress) {
        return throttle.retryAfterSeconds(clientAddress);
    }

    /** The call was refused for its key (401). */
    public void refused(Exchange exchange) {
        if (exchange.inbound() != null
                && (exchange.header("authorization") != null || exchange.header("x-api-key") != null)) {
            throttle.failed(exchange.inbound().clientAddress());
        }
    }
}
