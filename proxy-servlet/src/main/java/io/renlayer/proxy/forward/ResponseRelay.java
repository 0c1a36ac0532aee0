package io.renlayer.proxy.forward;

import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Copies the upstream body to the client as it arrives, one chunk at a time: each chunk is written
 * (and flushed, for streams) before the next is requested, so backpressure reaches the upstream
 * and nothing is buffered beyond one chunk. If the client goes away, the upstream call is cancelled.
 */
final class ResponseRelay implements BodySubscriber<RelayOutcome> {

    private final ServletOutputStream out;
    private final boolean flushEachChunk;
    private final UsageTap tap;
    private final CompletableFuture<RelayOutcome> outcome = new CompletableFuture<>();
    private Flow.Subscription subscription;

    ResponseRelay(ServletOutputStream out, boolean flushEachChunk, UsageTap tap) {
        this.out = out;
        this.flushEachChunk = flushEachChunk;
        this.tap = tap;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> chunk) {
        try {
            for (ByteBuffer buffer : chunk) {
                tap.see(buffer);
                write(buffer);
            }
            if (flushEachChunk) {
                out.flush();
            }
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
        end(RelayOutcome.Ending.COMPLETE);
    }

    @Override
    public CompletionStage<RelayOutcome> getBody() {
        return outcome;
    }

    private void end(RelayOutcome.Ending ending) {
        if (!outcome.isDone()) {
            outcome.complete(new RelayOutcome(ending, tap.usage()));
        }
    }

    private void write(ByteBuffer buffer) throws IOException {
        if (buffer.hasArray()) {
            out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        } else {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            out.write(bytes);
        }
    }
}
