package io.renlayer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.renlayer.proxy.trace.ResponseCapture;
import io.renlayer.spi.upstream.Usage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponseRelayTest {

    private final ScheduledThreadPoolExecutor timer = UpstreamForwarder.stallTimer();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void aFinishedRelayLeavesNothingWithTheStallTimer() throws Exception {
        for (int i = 0; i < 1_000; i++) {
            ResponseRelay relay = relay(Duration.ofMinutes(10));
            relay.onSubscribe(new RecordingSubscription());
            relay.onNext(List.of(ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8))));
            relay.onComplete();
            assertEquals(RelayOutcome.Ending.COMPLETE,
                    relay.getBody().toCompletableFuture().get(1, TimeUnit.SECONDS).ending());
        }
        // Cancelled watches left in the queue would hold each call's relay, sink and captured body
        // for the whole read timeout.
        assertEquals(0, timer.getQueue().size());
    }

    @Test
    void anUpstreamSilentForTheReadTimeoutIsCancelled() throws Exception {
        ResponseRelay relay = relay(Duration.ofMillis(50));
        RecordingSubscription subscription = new RecordingSubscription();
        relay.onSubscribe(subscription);

        RelayOutcome outcome = relay.getBody().toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals(RelayOutcome.Ending.UPSTREAM_STALLED, outcome.ending());
        // The outcome is settled first (the client must report the stall, not a cancellation), then the call cancelled.
        assertTrue(subscription.cancelled.await(5, TimeUnit.SECONDS));
    }

    private ResponseRelay relay(Duration idleTimeout) {
        RelaySink discard = buffer -> {
            buffer.position(buffer.limit());
            return true;
        };
        UsageTap noUsage = new UsageTap() {
            @Override
            public void see(ByteBuffer chunk) {}

            @Override
            public Usage usage() {
                return Usage.UNKNOWN;
            }
        };
        return new ResponseRelay(discard, noUsage, new ResponseCapture(), idleTimeout, timer);
    }

    private static final class RecordingSubscription implements Flow.Subscription {
        final CountDownLatch cancelled = new CountDownLatch(1);

        @Override
        public void request(long n) {}

        @Override
        public void cancel() {
            cancelled.countDown();
        }
    }
}
