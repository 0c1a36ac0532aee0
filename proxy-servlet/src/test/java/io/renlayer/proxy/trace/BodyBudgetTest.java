package io.renlayer.proxy.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BodyBudgetTest {

    @Test
    void holdsUpToItsLimitAndAgainOnceReleased() {
        BodyBudget budget = new BodyBudget(100);
        assertThat(budget.tryHold(60)).isTrue();
        assertThat(budget.tryHold(41)).isFalse();
        assertThat(budget.tryHold(40)).isTrue();
        assertThat(budget.held()).isEqualTo(100);
        budget.release(60);
        assertThat(budget.tryHold(50)).isTrue();
        assertThat(budget.tryHold(101)).isFalse();
    }

    @Test
    void neverOvershootsUnderContention() throws InterruptedException {
        BodyBudget budget = new BodyBudget(1_000);
        AtomicInteger granted = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 10_000; i++) {
                pool.execute(() -> {
                    if (budget.tryHold(7)) {
                        granted.incrementAndGet();
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(granted.get()).isEqualTo(1_000 / 7);
        assertThat(budget.held()).isEqualTo(1_000 / 7 * 7);
    }
}
