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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponseRelayTest {

    private final StallWatch stallWatch = new StallWatch(Duration.ofMillis(10));

    @AfterEach
    void stopWatch() {
        stallWatch.close();
    }

    @Test
    void aFinishedRelayLeavesNothingWithTheStallWatch() throws Exception {
        for (int i = 0; i < 1_000; i++) {
            ResponseRelay relay = relay(Duration.ofMinutes(10));
            relay.onSubscribe(new RecordingSubscription());
            relay.onNext(List.of(ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8))));
            relay.onComplete();
            assertEquals(RelayOutcome.Ending.COMPLETE,
                    relay.getBody().toCompletableFuture().get(1, TimeUnit.SECONDS).ending());
        }
        // A finished relay left with the watch would hold its sink and captured body until the
        // gateway stops.
        assertEquals(0, stallWatch.watching());
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

    @Test
    void aStreamThatKeepsSendingOutlivesItsReadTimeout() throws Exception {
        ResponseRelay relay = relay(Duration.ofMillis(100));
        RecordingSubscription subscription = new RecordingSubscription();
        relay.onSubscribe(subscription);
        for (int i = 0; i < 12; i++) { // 360 ms of chunks 30 ms apart: never idle for 100 ms
            Thread.sleep(30);
            relay.onNext(List.of(ByteBuffer.wrap("data: {}\n\n".getBytes(StandardCharsets.UTF_8))));
        }
        assertEquals(1, subscription.cancelled.getCount(), "a stream that keeps sending must not be cut");

        RelayOutcome outcome = relay.getBody().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(RelayOutcome.Ending.UPSTREAM_STALLED, outcome.ending()); // once it goes quiet
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
        return new ResponseRelay(discard, noUsage, new ResponseCapture(), idleTimeout, stallWatch);
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
