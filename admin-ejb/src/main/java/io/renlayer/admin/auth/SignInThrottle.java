package io.renlayer.admin.auth;

import io.renlayer.core.errors.TooManyAttemptsException;
import io.renlayer.core.runtime.FailureThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;

/**
 * Failed sign-ins slow down their source, never the account: five failures for one account from
 * one address, or fifty for any accounts from it, in fifteen minutes, and that address waits
 * (429) while the account's owner, from anywhere else, still signs in. A lockout per account would
 * let a stranger shut anyone out with five wrong passwords.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int PER_ACCOUNT_AND_SOURCE = 5;
    static final int PER_SOURCE = 50;
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final FailureThrottle accountAndSource = new FailureThrottle(PER_ACCOUNT_AND_SOURCE, WINDOW, 100_000);
    private final FailureThrottle source = new FailureThrottle(PER_SOURCE, WINDOW, 100_000);

    /** @throws TooManyAttemptsException this source may not try now */
    public void check(String sourceIp, String email) {
        long wait = Math.max(
                source.retryAfterSeconds(sourceKey(sourceIp)),
                accountAndSource.retryAfterSeconds(pairKey(sourceIp, email)));
        if (wait > 0) {
            throw new TooManyAttemptsException(wait);
        }
    }

    public void failed(String sourceIp, String email) {
        source.failed(sourceKey(sourceIp));
        accountAndSource.failed(pairKey(sourceIp, email));
    }

    private static String sourceKey(String sourceIp) {
        return sourceIp == null ? "-" : sourceIp;
    }

    private static String pairKey(String sourceIp, String email) {
        return sourceKey(sourceIp) + ' ' + email.strip().toLowerCase(Locale.ROOT);
    }
}
