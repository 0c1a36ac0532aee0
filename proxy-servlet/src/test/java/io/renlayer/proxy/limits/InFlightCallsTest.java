package io.renlayer.proxy.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InFlightCallsTest {

    @Test
    void refusesTheCallPastTheBoundUntilOneEnds() {
        InFlightCalls inFlight = new InFlightCalls(2, 1_000);

        assertThat(inFlight.tryEnter(10)).isTrue();
        assertThat(inFlight.tryEnter(10)).isTrue();
        assertThat(inFlight.tryEnter(10)).isFalse();
        assertThat(inFlight.calls()).isEqualTo(2);

        inFlight.exit(10);
        assertThat(inFlight.tryEnter(10)).isTrue();
    }

    @Test
    void refusesBodiesPastTheByteBoundButNotCallsWithoutBodies() {
        InFlightCalls inFlight = new InFlightCalls(100, 1_000);

        assertThat(inFlight.tryEnter(600)).isTrue();
        assertThat(inFlight.tryEnter(600)).isFalse();
        assertThat(inFlight.tryEnter(400)).isTrue();
        assertThat(inFlight.tryEnter(0)).isTrue();
        assertThat(inFlight.bytes()).isEqualTo(1_000);
        assertThat(inFlight.calls()).isEqualTo(3);
    }

    @Test
    void aBodyLargerThanTheWholeBoundGoesInAlone() {
        InFlightCalls inFlight = new InFlightCalls(100, 1_000);

        assertThat(inFlight.tryEnter(5_000)).isTrue();
        assertThat(inFlight.tryEnter(1)).isFalse();
        inFlight.exit(5_000);
        assertThat(inFlight.bytes()).isZero();
        assertThat(inFlight.tryEnter(1)).isTrue();
    }

    @Test
    void concurrentCallersNeverTakeMoreThanTheBound() throws Exception {
        InFlightCalls inFlight = new InFlightCalls(8, Long.MAX_VALUE);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int t = 0; t < 16; t++) {
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 10_000; i++) {
                        if (inFlight.tryEnter(1)) {
                            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            inside.decrementAndGet();
                            inFlight.exit(1);
                        }
                    }
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(most.get()).isBetween(1, 8);
        assertThat(inFlight.calls()).isZero();
        assertThat(inFlight.bytes()).isZero();
    }
}
