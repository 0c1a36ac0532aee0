package io.renlayer.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SurvivingLoopTest {

    @Test
    void aStepThatRunsOutOfMemoryOrThrowsDoesNotEndTheLoop() {
        AtomicInteger steps = new AtomicInteger();
        SurvivingLoop loop = new SurvivingLoop(
                "test loop",
                () -> steps.get() < 4,
                () -> {
                    switch (steps.incrementAndGet()) {
                        case 1 -> throw new OutOfMemoryError("Java heap space");
                        case 2 -> throw new IllegalStateException("broken");
                        default -> {}
                    }
                },
                Duration.ofMillis(1));

        loop.run();

        assertThat(steps).hasValue(4);
        assertThat(loop.failures()).isEqualTo(2);
    }

    @Test
    void anInterruptDuringThePauseIsLeftForTheStepToSee() {
        AtomicInteger steps = new AtomicInteger();
        boolean[] sawInterrupt = new boolean[1];
        SurvivingLoop loop = new SurvivingLoop(
                "test loop",
                () -> steps.get() < 2,
                () -> {
                    if (steps.incrementAndGet() == 1) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("stopping");
                    }
                    sawInterrupt[0] = Thread.interrupted();
                },
                Duration.ofSeconds(30));

        loop.run(); // would take 30 s if the pause swallowed the interrupt

        assertThat(sawInterrupt[0]).isTrue();
    }
}
