package io.renlayer.proxy.forward;

import io.renlayer.proxy.trace.ResponseCapture;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.time.Duration;

/**
 * Hands the upstream body to a {@link RelaySink} as it arrives, one chunk at a time: each chunk is
 * taken before the next is requested, so backpressure reaches the upstream and nothing is buffered
 * beyond what the sink itself must hold. Usage is read from the bytes the upstream sent. If the
 * client goes away, or the sink cannot take more, the upstream call is cancelled; so it is when
 * the upstream sends nothing for the read timeout (a stalled stream), which the {@link StallWatch}
 * checks while the relay runs.
 */
final class ResponseRelay implements BodySubscriber<RelayOutcome>, StallWatch.Watched {

    private final RelaySink sink;
    private final UsageTap tap;
    private final ResponseCapture capture;
    private final CompletableFuture<RelayOutcome> outcome = new CompletableFuture<>();
    private final long idleNanos;
    private final StallWatch stallWatch;
    private volatile Flow.Subscription subscription;
    private volatile long lastChunkAt = System.nanoTime();

    ResponseRelay(RelaySink sink, UsageTap tap, ResponseCapture capture, Duration idleTimeout,
            StallWatch stallWatch) {
        this.sink = sink;
        this.tap = tap;
        this.capture = capture;
        this.idleNanos = idleTimeout.toNanos();
        this.stallWatch = stallWatch;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        stallWatch.watch(this);
        subscription.request(1);
    }

    @Override
    public void checkIdle(long nowNanos) {
        if (!outcome.isDone() && nowNanos - lastChunkAt >= idleNanos) {
            end(RelayOutcome.Ending.UPSTREAM_STALLED); // first: cancelling makes the client report an error
            subscription.cancel();
        }
    }

    @Override
    public void onNext(List<ByteBuffer> chunk) {
        lastChunkAt = System.nanoTime();
        try {
            for (ByteBuffer buffer : chunk) {
                tap.see(buffer);
                capture.see(buffer);
                if (!sink.accept(buffer)) {
                    subscription.cancel();
                    end(RelayOutcome.Ending.UPSTREAM_BROKE_OFF);
                    return;
                }
            }
            sink.chunkDone();
            subscription.request(1);
        } catch (IOException clientGone) {
            subscription.cancel();
            end(RelayOutcome.Ending.CLIENT_DISCONNECTED);
        }
    }

    @Override
    public void onError(Throwable upstreamFailure) {
        end(RelayOutcome.Ending.UPSTREAM_BROKE_OFF);
    }

    @Override
    public void onComplete() {
        try {
            sink.finish();
            end(RelayOutcome.Ending.COMPLETE);
        } catch (IOException clientGone) {
            end(RelayOutcome.Ending.CLIENT_DISCONNECTED);
        }
    }

    @Override
    public CompletionStage<RelayOutcome> getBody() {
        return outcome;
    }

    private void end(RelayOutcome.Ending ending) {
        stallWatch.unwatch(this);
        if (!outcome.isDone()) {
            outcome.complete(new RelayOutcome(ending, tap.usage()));
        }
    }
}
