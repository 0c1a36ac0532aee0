package io.renlayer.proxy.forward;

import io.renlayer.admin.plugins.PluginRegistry;
import io.renlayer.admin.runtime.UpstreamSnapshot;
import io.renlayer.proxy.cache.ConfigCaches;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.spi.upstream.ForwardRequest;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import io.renlayer.proxy.pipeline.ResponseRewriter;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends the call upstream with the gateway's credential and relays the answer to the client.
 * The servlet thread is not held: the exchange continues on the HTTP client's (virtual) threads.
 */
@ApplicationScoped
public class UpstreamForwarder {

    private static final int BUFFERED_BODY_LIMIT = 4 << 20;
    /** How late past its read timeout a stalled upstream may be noticed. */
    private static final Duration STALL_TICK = Duration.ofMillis(100);

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final StallWatch stallWatch = new StallWatch(STALL_TICK);
    /** The JDK client sets the connect timeout per client: one client per distinct timeout. */
    private final Map<Integer, HttpClient> clients = new ConcurrentHashMap<>();

    @Inject
    private ConfigCaches caches;

    @Inject
    private PluginRegistry plugins;

    /**
     * Forwards and relays. The future completes when the response has been relayed, with the
     * error to report when none could be (the response is then still uncommitted). When the
     * upstream cannot even be connected to, nothing was sent, so the call is retried once and then
     * goes to the upstream's fallback, if it has one; the trace says which happened.
     */
    public CompletableFuture<ProxyError> forward(Exchange exchange, String upstreamPath, HttpServletResponse response) {
        return send(exchange, upstreamPath, response).thenCompose(outcome -> {
            if (!outcome.connectFailed()) {
                return CompletableFuture.completedFuture(outcome.error());
            }
            exchange.flag("upstream_retried");
            return send(exchange, upstreamPath, response).thenCompose(retried -> {
                Optional<UpstreamSnapshot> fallback = fallbackOf(exchange);
                if (!retried.connectFailed() || fallback.isEmpty()) {
                    return CompletableFuture.completedFuture(retried.error());
                }
                exchange.routeTo(fallback.get(), plugins.upstreamProvider(fallback.get().provider()).orElseThrow());
                exchange.flag("upstream_fallback");
                return send(exchange, upstreamPath, response).thenApply(Outcome::error);
            });
        });
    }

    /** The fallback of the exchange's upstream: the same tenant's, of the same dialect, enabled. */
    private Optional<UpstreamSnapshot> fallbackOf(Exchange exchange) {
        UUID fallbackId = exchange.upstream().resilience().fallbackUpstreamId();
        if (fallbackId == null) {
            return Optional.empty();
        }
        return caches.upstreams(exchange.key().tenantId()).stream()
                .filter(u -> u.id().equals(fallbackId) && u.provider().equals(exchange.upstream().provider()))
                .findFirst();
    }

    /** One attempt; {@code connectFailed} means the upstream was never reached. */
    private record Outcome(ProxyError error, boolean connectFailed) {}

    /**
     * A call that ends normally continues from the relay's own future, on the client thread that
     * relayed the last chunk: the future sendAsync returns completes only after a hop to the
     * common pool, one more thread hand-off per call. Every other ending (failures, a relay cut
     * short) is read from that future, as it always was; whichever side ends the call first wins.
     */
    private CompletableFuture<Outcome> send(Exchange exchange, String upstreamPath, HttpServletResponse response) {
        HttpRequest request = buildRequest(exchange, upstreamPath);
        HttpClient client = clientFor(exchange.upstream().resilience().connectTimeoutMs());
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        AtomicBoolean ended = new AtomicBoolean();
        long sentAt = System.nanoTime();
        client.sendAsync(request, info -> {
                    exchange.upstreamTook(System.nanoTime() - sentAt);
                    ResponseRelay relay = startRelay(exchange, info, response);
                    relay.getBody().thenAccept(outcome -> {
                        if (outcome.ending() == RelayOutcome.Ending.COMPLETE) {
                            onCallThread(() -> {
                                if (ended.compareAndSet(false, true)) {
                                    done.complete(relayed(exchange, response, info.statusCode(), outcome));
                                }
                            });
                        }
                    });
                    return relay;
                })
                .whenComplete((answer, failure) -> {
                    if (ended.compareAndSet(false, true)) {
                        done.complete(failure == null
                                ? relayed(exchange, response, answer.statusCode(), answer.body())
                                : failed(exchange, response, failure));
                    }
                });
        return done;
    }

    /**
     * Settling limits and recording block briefly (Redis): fine on the client's virtual threads,
     * not on the stall watch's timer or the client's selector, which would hold up every call.
     */
    private void onCallThread(Runnable step) {
        if (Thread.currentThread().isVirtual()) {
            step.run();
        } else {
            executor.execute(step);
        }
    }

    private static Outcome relayed(Exchange exchange, HttpServletResponse response, int status, RelayOutcome outcome) {
        exchange.usage(outcome.usage());
        ProxyError cutShort = switch (outcome.ending()) {
            case UPSTREAM_STALLED -> ProxyError.upstreamTimeout();
            case UPSTREAM_BROKE_OFF -> ProxyError.upstreamBrokeOff();
            case COMPLETE, CLIENT_DISCONNECTED -> null;
        };
        if (cutShort == null) {
            exchange.finished(status, outcome.ending() == RelayOutcome.Ending.CLIENT_DISCONNECTED
                    ? "client_disconnected"
                    : status >= 400 ? "upstream_error" : null);
            return new Outcome(null, false);
        }
        if (response.isCommitted()) {
            // The client has the status and part of the body; the trace says how it ended.
            exchange.finished(status, cutShort.code());
            return new Outcome(null, false);
        }
        // Nothing has reached the client yet: it gets a clear error, not the upstream's status
        // with an empty or cut body.
        exchange.finished(cutShort.status(), cutShort.code());
        return new Outcome(cutShort, false);
    }

    private static Outcome failed(Exchange exchange, HttpServletResponse response, Throwable failure) {
        if (response.isCommitted()) {
            // The client already has the status and part of the body: the upstream broke off
            // mid-response, whatever the exception says.
            exchange.finished(response.getStatus(), ProxyError.upstreamBrokeOff().code());
            return new Outcome(null, false);
        }
        ProxyError error = classify(failure);
        exchange.finished(error.status(), error.code());
        return new Outcome(error, isConnectFailure(failure));
    }

    private HttpClient clientFor(int connectTimeoutMs) {
        return clients.computeIfAbsent(connectTimeoutMs, millis -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(millis))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build());
    }

    /** The gateway builds the call, the provider shapes it (credential, URL), the gateway sends it. */
    private HttpRequest buildRequest(Exchange exchange, String upstreamPath) {
        ForwardRequest call = ForwardRequest.of(exchange.method(),
                URI.create(exchange.upstream().baseUrl() + upstreamPath), exchange.body());
        for (Map.Entry<String, String> header : exchange.headers().entrySet()) {
            if (HeaderPolicy.toUpstream(header.getKey(), exchange.headers())) {
                call = call.withHeader(header.getKey(), header.getValue());
            }
        }
        ForwardRequest prepared = exchange.provider().prepare(call, exchange.upstream().credential(),
                exchange.upstream().settings());
        HttpRequest.Builder builder = HttpRequest.newBuilder(prepared.uri())
                .timeout(Duration.ofMillis(exchange.upstream().resilience().readTimeoutMs()))
                .method(prepared.method(), HttpRequest.BodyPublishers.ofByteArray(prepared.body()));
        prepared.headers().forEach((name, values) -> {
            if (HeaderPolicy.sendable(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private ResponseRelay startRelay(
            Exchange exchange, HttpResponse.ResponseInfo info, HttpServletResponse response) {
        response.setStatus(info.statusCode());
        String connection = info.headers().firstValue("connection").orElse(null);
        info.headers().map().forEach((name, values) -> {
            if (HeaderPolicy.toClient(name, connection)) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        response.setHeader("x-request-id", exchange.requestId());
        boolean eventStream = info.headers().firstValue("content-type")
                .map(type -> type.toLowerCase().startsWith("text/event-stream"))
                .orElse(false);
        UsageTap tap = eventStream
                ? UsageTap.forEvents(exchange.provider())
                : UsageTap.forBody(exchange.provider(), BUFFERED_BODY_LIMIT);
        try {
            if (eventStream) {
                response.flushBuffer(); // the client sees headers before the first token
            }
            ServletOutputStream out = response.getOutputStream();
            ResponseRewriter rewriter = exchange.responseRewriter();
            RelaySink sink = rewriter == null ? RelaySink.passThrough(out, eventStream)
                    : eventStream ? RelaySink.rewritingEvents(out, rewriter, BUFFERED_BODY_LIMIT)
                    : RelaySink.rewritingBody(out, rewriter, BUFFERED_BODY_LIMIT);
            return new ResponseRelay(sink, tap, exchange.responseCapture(),
                    Duration.ofMillis(exchange.upstream().resilience().readTimeoutMs()), stallWatch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isConnectFailure(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static ProxyError classify(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return ProxyError.upstreamUnreachable();
        }
        if (cause instanceof HttpTimeoutException) {
            return ProxyError.upstreamTimeout();
        }
        if (cause instanceof IOException) {
            return ProxyError.upstreamUnreachable();
        }
        return ProxyError.internal();
    }

    @PreDestroy
    void close() {
        stallWatch.close();
        clients.values().forEach(HttpClient::close);
        executor.close();
    }
}
