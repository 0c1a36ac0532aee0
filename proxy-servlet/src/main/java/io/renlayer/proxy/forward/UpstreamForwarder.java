package io.renlayer.proxy.forward;

import io.renlayer.admin.plugins.PluginRegistry;
import io.renlayer.admin.runtime.UpstreamSnapshot;
import io.renlayer.proxy.cache.ConfigCaches;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.ResponseRewriter;
import io.renlayer.spi.upstream.ForwardRequest;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends the call upstream with the gateway's credential and relays the answer to the client,
 * with blocking I/O on one thread per call: the servlet thread's own ({@link #forwardHere}, for
 * the few calls {@code InlineCalls} lets it keep) or a virtual thread of the call's own
 * ({@link #forward}). No hand-offs between the client's threads: the fewest crossings per call.
 */
@ApplicationScoped
public class UpstreamForwarder {

    private static final Logger LOG = Logger.getLogger(UpstreamForwarder.class.getName());
    private static final int BUFFERED_BODY_LIMIT = 4 << 20;

    private final ExecutorService calls =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("renlayer-call").factory());
    private final UpstreamClients clients = new UpstreamClients();

    @Inject
    private ConfigCaches caches;

    @Inject
    private PluginRegistry plugins;

    /**
     * Forwards and relays on the call's own thread. The future completes when the response has
     * been relayed, with the error to report when none could be (the response is then still
     * uncommitted). When the upstream cannot even be connected to, nothing was sent, so the call
     * is retried once, on a new connection, and then goes to the upstream's fallback, if it has
     * one; the trace says which happened.
     */
    public CompletableFuture<ProxyError> forward(Exchange exchange, String upstreamPath, HttpServletResponse response) {
        CompletableFuture<ProxyError> done = new CompletableFuture<>();
        calls.execute(() -> done.complete(forwardHere(exchange, upstreamPath, response)));
        return done;
    }

    /**
     * Forwards and relays on the caller's thread, as {@link #forward} does on a thread of its own;
     * returns the error to report, or null.
     */
    public ProxyError forwardHere(Exchange exchange, String upstreamPath, HttpServletResponse response) {
        try {
            return forwardNow(exchange, upstreamPath, response);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "request " + exchange.requestId() + " failed while forwarding", e);
            exchange.finished(ProxyError.internal().status(), ProxyError.internal().code());
            return response.isCommitted() ? null : ProxyError.internal();
        }
    }

    private ProxyError forwardNow(Exchange exchange, String upstreamPath, HttpServletResponse response) {
        Outcome first = sendReplacingStale(exchange, upstreamPath, response);
        if (!first.connectFailed()) {
            return first.error();
        }
        exchange.flag("upstream_retried");
        Outcome retried = send(exchange, upstreamPath, response, Connection.NEW);
        Optional<UpstreamSnapshot> fallback = fallbackOf(exchange);
        if (!retried.connectFailed() || fallback.isEmpty()) {
            return retried.error();
        }
        exchange.routeTo(fallback.get(), plugins.upstreamProvider(fallback.get().provider()).orElseThrow());
        exchange.flag("upstream_fallback");
        return sendReplacingStale(exchange, upstreamPath, response).error();
    }

    /**
     * Sends on a pooled connection; if the upstream had closed it before any answer, sends again
     * at once on a new one. Upstreams close idle keep-alive connections as a matter of course,
     * so this is no failure of theirs, and the trace does not flag it.
     */
    private Outcome sendReplacingStale(Exchange exchange, String upstreamPath, HttpServletResponse response) {
        Outcome outcome = send(exchange, upstreamPath, response, Connection.POOLED);
        return outcome.staleConnection() ? send(exchange, upstreamPath, response, Connection.NEW) : outcome;
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

    /**
     * One attempt; {@code connectFailed} means the upstream was never reached, {@code staleConnection}
     * that the connection closed before any answer came (one the upstream had closed while it idled).
     */
    private record Outcome(ProxyError error, boolean connectFailed, boolean staleConnection) {
        Outcome(ProxyError error) {
            this(error, false, false);
        }
    }

    private enum Connection { POOLED, NEW }

    private Outcome send(Exchange exchange, String upstreamPath, HttpServletResponse response, Connection connection) {
        int connectTimeoutMs = exchange.upstream().resilience().connectTimeoutMs();
        if (connection == Connection.POOLED) {
            return send(exchange, upstreamPath, response, clients.forConnectTimeout(connectTimeoutMs));
        }
        CloseableHttpClient client = UpstreamClients.oneNewConnection(connectTimeoutMs);
        try {
            return send(exchange, upstreamPath, response, client);
        } finally {
            client.close(CloseMode.GRACEFUL);
        }
    }

    private Outcome send(Exchange exchange, String upstreamPath, HttpServletResponse response, CloseableHttpClient client) {
        HttpUriRequestBase request = buildRequest(exchange, upstreamPath);
        HttpClientContext context = HttpClientContext.create();
        int readTimeoutMs = exchange.upstream().resilience().readTimeoutMs();
        context.setRequestConfig(RequestConfig.custom()
                // Applies to every read: waiting for the answer, and between its chunks.
                .setResponseTimeout(Timeout.ofMilliseconds(readTimeoutMs))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(readTimeoutMs))
                .build());
        long sentAt = System.nanoTime();
        ClassicHttpResponse answer;
        try {
            // The request already holds the scheme and authority it was built from.
            answer = client.executeOpen(new HttpHost(request.getScheme(), request.getAuthority()), request, context);
        } catch (IOException failure) {
            return failed(exchange, failure);
        }
        exchange.upstreamTook(System.nanoTime() - sentAt);
        RelayOutcome outcome = null;
        try {
            outcome = relay(exchange, answer, response);
            return relayed(exchange, response, answer.getCode(), outcome);
        } finally {
            close(answer, outcome != null && outcome.ending() == RelayOutcome.Ending.COMPLETE);
        }
    }

    /** A body read to its end leaves its connection in the pool; any other ending drops it. */
    private static void close(ClassicHttpResponse answer, boolean bodyComplete) {
        try {
            if (bodyComplete) {
                answer.close();
            } else {
                ((ModalCloseable) answer).close(CloseMode.IMMEDIATE);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing an upstream answer failed", e);
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
            return new Outcome(null);
        }
        if (response.isCommitted()) {
            // The client has the status and part of the body; the trace says how it ended.
            exchange.finished(status, cutShort.code());
            return new Outcome(null);
        }
        // Nothing has reached the client yet: it gets a clear error, not the upstream's status
        // with an empty or cut body.
        response.reset();
        exchange.finished(cutShort.status(), cutShort.code());
        return new Outcome(cutShort);
    }

    private static Outcome failed(Exchange exchange, Exception failure) {
        ProxyError error = classify(failure);
        exchange.finished(error.status(), error.code());
        return new Outcome(error, isConnectFailure(failure), failure instanceof NoHttpResponseException);
    }

    /** The gateway builds the call, the provider shapes it (credential, URL), the gateway sends it. */
    private HttpUriRequestBase buildRequest(Exchange exchange, String upstreamPath) {
        Map<String, String> forwarded = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> header : exchange.headers().entrySet()) {
            if (HeaderPolicy.toUpstream(header.getKey(), exchange.headers())) {
                forwarded.put(header.getKey(), header.getValue());
            }
        }
        // The exchange never writes into its body, so the call can send that very array.
        ForwardRequest call = ForwardRequest.wrapping(exchange.method(),
                URI.create(exchange.upstream().baseUrl() + upstreamPath), exchange.body()).withHeaders(forwarded);
        ForwardRequest prepared = exchange.provider().prepare(call, exchange.upstream().credential(),
                exchange.upstream().settings());
        HttpUriRequestBase request = new HttpUriRequestBase(prepared.method(), prepared.uri());
        if (prepared.bodyLength() > 0 || !"GET".equals(prepared.method()) && !"DELETE".equals(prepared.method())) {
            request.setEntity(new ForwardRequestEntity(prepared));
        }
        prepared.headers().forEach((name, values) -> {
            if (HeaderPolicy.sendable(name)) {
                values.forEach(value -> request.addHeader(name, value));
            }
        });
        return request;
    }

    /** Passes the upstream's status and headers on, then its body through the exchange's sink. */
    private static RelayOutcome relay(Exchange exchange, ClassicHttpResponse answer, HttpServletResponse response) {
        response.setStatus(answer.getCode());
        Header connectionHeader = answer.getFirstHeader("connection");
        String connection = connectionHeader == null ? null : connectionHeader.getValue();
        for (Header header : answer.getHeaders()) {
            if (HeaderPolicy.toClient(header.getName(), connection)) {
                response.addHeader(header.getName(), header.getValue());
            }
        }
        response.setHeader("x-request-id", exchange.requestId());
        Header contentType = answer.getFirstHeader("content-type");
        boolean eventStream = contentType != null
                && contentType.getValue().regionMatches(true, 0, "text/event-stream", 0, 17);
        UsageTap tap = eventStream
                ? UsageTap.forEvents(exchange.provider())
                : UsageTap.forBody(exchange.provider(), BUFFERED_BODY_LIMIT);
        RelaySink sink;
        try {
            if (eventStream) {
                response.flushBuffer(); // the client sees headers before the first token
            }
            ServletOutputStream out = response.getOutputStream();
            ResponseRewriter rewriter = exchange.responseRewriter();
            sink = rewriter == null ? RelaySink.passThrough(out, eventStream)
                    : eventStream ? RelaySink.rewritingEvents(out, rewriter, BUFFERED_BODY_LIMIT)
                    : RelaySink.rewritingBody(out, rewriter, BUFFERED_BODY_LIMIT);
        } catch (IOException clientGone) {
            return new RelayOutcome(RelayOutcome.Ending.CLIENT_DISCONNECTED, tap.usage());
        }
        ResponseRelay relay = new ResponseRelay(sink, tap, exchange.responseCapture());
        HttpEntity entity = answer.getEntity();
        if (entity == null) {
            return relay.relay(InputStream.nullInputStream());
        }
        // Not closed here: closing a body that was not read to its end would read the rest of it
        // (a stream the client left, say); the caller drops the connection instead.
        try {
            return relay.relay(entity.getContent(), entity.getContentLength());
        } catch (IOException e) {
            return new RelayOutcome(RelayOutcome.Ending.UPSTREAM_BROKE_OFF, tap.usage());
        }
    }

    private static boolean isConnectFailure(Exception failure) {
        // Nothing reached the upstream, or a pooled connection it had closed answered nothing:
        // sending again cannot run the call twice.
        return failure instanceof ConnectException || failure instanceof ConnectTimeoutException
                || failure instanceof UnknownHostException || failure instanceof NoHttpResponseException;
    }

    private static ProxyError classify(Exception failure) {
        if (isConnectFailure(failure)) {
            return ProxyError.upstreamUnreachable();
        }
        if (failure instanceof SocketTimeoutException) {
            return ProxyError.upstreamTimeout();
        }
        if (failure instanceof IOException) {
            return ProxyError.upstreamUnreachable();
        }
        return ProxyError.internal();
    }

    @PreDestroy
    void close() {
        calls.shutdownNow();
        clients.close();
    }
}
