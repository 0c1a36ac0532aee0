package io.renlayer.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {

    @Test
    void aKeyIsRefusedAfterItsFailuresUntilTheWindowEndsAndOtherKeysAreNot() throws Exception {
        FailureThrottle throttle = new FailureThrottle(3, Duration.ofMillis(300), 100);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.retryAfterSeconds("a")).isZero();
            throttle.failed("a");
        }
        assertThat(throttle.retryAfterSeconds("a")).isEqualTo(1);
        assertThat(throttle.retryAfterSeconds("b")).isZero();
        Thread.sleep(350);
        assertThat(throttle.retryAfterSeconds("a")).isZero();
        throttle.failed("a");
        assertThat(throttle.retryAfterSeconds("a"))
                .as("a new window counts from one")
                .isZero();
    }

    @Test
    void manyDistinctKeysNeverGrowItPastItsBound() {
        FailureThrottle throttle = new FailureThrottle(1, Duration.ofMinutes(1), 1000);
        for (int i = 0; i < 100_000; i++) {
            throttle.failed("source-" + i);
        }
        assertThat(throttle.retryAfterSeconds("source-99999")).isPositive();
    }
}
