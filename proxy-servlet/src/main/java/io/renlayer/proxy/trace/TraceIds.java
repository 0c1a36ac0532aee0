package io.renlayer.proxy.trace;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Trace ids: UUID version 7 (RFC 9562), the creation time in milliseconds followed by 74 random
 * bits. {@link UUID#randomUUID()} draws on the JVM's shared {@code SecureRandom}, a lock and, every
 * other call, a read of {@code /dev/urandom} on the request thread. A trace id must be unique, not
 * unguessable: reading a trace takes its tenant's credentials, whatever its id.
 */
public final class TraceIds {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    private TraceIds() {}

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | VERSION_7 | (random.nextInt() & 0x0FFF);
        long low = VARIANT_RFC | (random.nextLong() >>> 2);
        return new UUID(high, low);
    }
}
