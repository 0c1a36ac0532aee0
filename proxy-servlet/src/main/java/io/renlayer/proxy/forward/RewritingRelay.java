package io.renlayer.proxy.forward;

import io.renlayer.proxy.pipeline.ResponseRewriter;
import io.renlayer.proxy.stream.SseEventRewriter;
import jakarta.servlet.ServletOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Relays a response that must be changed on its way: an event stream event by event (each event
 * is written and flushed as soon as it is complete), a JSON body whole, since it can only be
 * rewritten once it has all arrived. A JSON body beyond {@code limit} bytes is cut off rather than
 * relayed unchanged: what the rewrite would have removed must not leak.
 */
final class RewritingRelay implements BodySubscriber<RelayOutcome> {

    private final ServletOutputStream out;
    private final ResponseRewriter rewriter;
    private final SseEventRewriter events;
    private final ByteArrayOutputStream body;
    private final int limit;
    private final UsageTap tap;
    private final CompletableFuture<RelayOutcome> outcome = new CompletableFuture<>();
    private Flow.Subscription subscription;

    RewritingRelay(ServletOutputStream out, boolean eventStream, ResponseRewriter rewriter, int limit, UsageTap tap) {
        this.out = out;
        this.tap = tap;
        this.rewriter = rewriter;
        this.events = eventStream ? new SseEventRewriter(rewriter::rewrite) : null;
        this.body = eventStream ? null : new ByteArrayOutputStream();
        this.limit = limit;
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
                tap.see(buffer); // usage is read from what the upstream sent
                if (events != null) {
                    byte[] complete = events.feed(buffer);
                    if (complete.length > 0) {
                        out.write(complete);
                        out.flush();
                    }
                } else {
                    if (body.size() + buffer.remaining() > limit) {
                        subscription.cancel();
                        end(RelayOutcome.Ending.UPSTREAM_BROKE_OFF);
                        return;
                    }
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    body.writeBytes(bytes);
                }
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
        try {
            if (events != null) {
                out.write(events.finish());
            } else if (body.size() > 0) {
                String rewritten = rewriter.rewrite(body.toString(StandardCharsets.UTF_8));
                if (rewritten != null) {
                    out.write(rewritten.getBytes(StandardCharsets.UTF_8));
                }
            }
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
        if (!outcome.isDone()) {
            outcome.complete(new RelayOutcome(ending, tap.usage()));
        }
    }
}
