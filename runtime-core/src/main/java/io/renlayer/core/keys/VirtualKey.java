package io.renlayer.core.keys;

import java.util.Optional;

/**
 * The virtual key an agent presents: {@code rk_live_<prefix>_<secret>}.
 *
 * <p>The prefix is public (it finds the key record); the secret is only ever stored as a hash.
 * Both are base62, so the underscores delimit them unambiguously.
 */
public final class VirtualKey {

    static final String SCHEME = "rk_live_";
    static final int PREFIX_LENGTH = 12;
    static final int SECRET_LENGTH = 40;

    private final String prefix;
    private final String secret;

    private VirtualKey(String prefix, String secret) {
        this.prefix = prefix;
        this.secret = secret;
    }

    /** A fresh key with a random prefix and about 238 bits of secret. */
    public static VirtualKey generate() {
        return new VirtualKey(Base62.random(PREFIX_LENGTH), Base62.random(SECRET_LENGTH));
    }

    /** A fresh secret under an existing prefix, for rotation. */
    public static VirtualKey withPrefix(String prefix) {
        return new VirtualKey(prefix, Base62.random(SECRET_LENGTH));
    }

    /** Parses presented text; empty when it is not shaped like a virtual key. */
    public static Optional<VirtualKey> parse(String text) {
        if (text == null
                || text.length() != SCHEME.length() + PREFIX_LENGTH + 1 + SECRET_LENGTH
                || !text.startsWith(SCHEME)
                || text.charAt(SCHEME.length() + PREFIX_LENGTH) != '_') {
            return Optional.empty();
        }
        String prefix = text.substring(SCHEME.length(), SCHEME.length() + PREFIX_LENGTH);
        String secret = text.substring(SCHEME.length() + PREFIX_LENGTH + 1);
        if (!Base62.isBase62(prefix) || !Base62.isBase62(secret)) {
            return Optional.empty();
        }
        return Optional.of(new VirtualKey(prefix, secret));
    }

    public String prefix() {
        return prefix;
    }

    public String secret() {
        return secret;
    }

    /** The full key text; show it once, at creation, and never log it. */
    public String reveal() {
        return SCHEME + prefix + "_" + secret;
    }

    /** A display form that identifies the key without revealing it. */
    public static String redacted(String prefix) {
        return SCHEME + prefix + "_…";
    }

    @Override
    public String toString() {
        return redacted(prefix);
    }
}
