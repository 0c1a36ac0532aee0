package io.renlayer.proxy;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Short, unique-enough request ids: {@code req_} and 24 hex digits (96 random bits). */
final class RequestIds {

    private static final HexFormat HEX = HexFormat.of();

    private RequestIds() {}

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "req_" + HEX.toHexDigits(random.nextInt()) + HEX.toHexDigits(random.nextLong());
    }
}
