package io.renlayer.proxy.forward;

import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.spi.upstream.ForwardRequest;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends the call upstream with the gateway's credential and relays the answer to the client.
 * The servlet thread is not held: the exchange continues on the HTTP client's (virtual) threads.
 */
@ApplicationScoped
public class UpstreamForwarder {

    private static final int USAGE_BODY_LIMIT = 4 << 20;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor)
            .build();

    /**
     * Forwards and relays. The future completes when the response has been relayed, with the
     * error to report when none could be (the response is then still uncommitted).
     */
    public CompletableFuture<ProxyError> forward(Exchange exchange, String upstreamPath, HttpServletResponse response) {
        HttpRequest request = buildRequest(exchange, upstreamPath);
        long sentAt = System.nanoTime();
        return client.sendAsync(request, info -> {
                    exchange.upstreamTook(System.nanoTime() - sentAt);
                    return startRelay(exchange, info, response);
                })
                .thenApply(relayed -> {
                    RelayOutcome outcome = relayed.body();
                    exchange.usage(outcome.usage());
                    exchange.finished(relayed.statusCode(), switch (outcome.ending()) {
                        case COMPLETE -> relayed.statusCode() >= 400 ? "upstream_error" : null;
                        case CLIENT_DISCONNECTED -> "client_disconnected";
                        case UPSTREAM_BROKE_OFF -> "upstream_broke_off";
                    });
                    return (ProxyError) null;
                })
                .exceptionally(failure -> {
                    ProxyError error = classify(failure);
                    exchange.finished(error.status(), error.code());
                    return error;
                });
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
        ForwardRequest prepared = exchange.provider().prepare(call, exchange.upstream().credential());
        HttpRequest.Builder builder = HttpRequest.newBuilder(prepared.uri())
                .timeout(Duration.ofSeconds(120))
                .method(prepared.method(), HttpRequest.BodyPublishers.ofByteArray(prepared.body()));
        prepared.headers().forEach((name, values) -> {
            if (HeaderPolicy.sendable(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private static HttpResponse.BodySubscriber<RelayOutcome> startRelay(
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
                : UsageTap.forBody(exchange.provider(), USAGE_BODY_LIMIT);
        try {
            if (eventStream) {
                response.flushBuffer(); // the client sees headers before the first token
            }
            return new ResponseRelay(response.getOutputStream(), eventStream, tap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProxyError classify(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
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
        client.close();
        executor.close();
    }
}
