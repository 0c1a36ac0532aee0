package io.renlayer.core.keys;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Hashes of high-entropy secrets (virtual keys, operator tokens).
 *
 * <p>The secrets are random, not chosen by people, so a single SHA-256 is the right tool (as for
 * GitHub or Stripe tokens); a slow password hash would only add latency to every proxied call.
 */
public final class SecretHash {

    private SecretHash() {}

    public static byte[] of(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** Compares in time independent of where the hashes differ. */
    public static boolean matches(String secret, byte[] expectedHash) {
        return MessageDigest.isEqual(of(secret), expectedHash);
    }
}
