package io.renlayer.proxy;

import java.util.concurrent.ThreadLocalRandom;

/** Short, unique-enough request ids: {@code req_} and 24 hex digits (96 random bits). */
final class RequestIds {

    private RequestIds() {}

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "req_" + String.format("%08x%016x", random.nextInt(), random.nextLong());
    }
}
