package io.renlayer.proxy.forward;

import io.renlayer.core.plugins.GuardedProvider.ProviderFailedException;
import io.renlayer.core.runtime.UpstreamSnapshot;
import io.renlayer.proxy.cache.ConfigCaches;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.CallEnd;
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
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("renlayer-call").factory());
    private final UpstreamClients clients = new UpstreamClients();

    @Inject
    private ConfigCaches caches;

    /**
     * Forwards and relays on the call's own thread. The future completes when the response has
     * been relayed, with how the call ended; an error the caller must still be told leaves the
     * response uncommitted.
     */
    public CompletableFuture<CallEnd> forward(Exchange exchange, HttpServletResponse response) {
        CompletableFuture<CallEnd> done = new CompletableFuture<>();
        calls.execute(() -> done.complete(forwardHere(exchange, response)));
        return done;
    }

    /** Forwards and relays on the caller's thread, as {@link #forward} does on a thread of its own. */
    public CallEnd forwardHere(Exchange exchange, HttpServletResponse response) {
        try {
            return tryInTurn(exchange, response);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "request " + exchange.requestId() + " failed while forwarding", e);
            ProxyError internal = ProxyError.internal();
            return response.isCommitted()
                    ? CallEnd.answered(internal.status(), internal.code())
                    : CallEnd.refused(internal);
        }
    }

    /**
     * One try of a call: the upstream, the connection, and what the trace is to say of it. A call
     * goes on to its next try only when the upstream was never reached (nothing was sent, so
     * nothing runs twice): first the upstream it was routed to, again on a new connection, then
     * its fallback, if it has one. Routing among several upstreams extends this list.
     */
    private record Attempt(UpstreamSnapshot upstream, Connection connection, String flag) {}

    private CallEnd tryInTurn(Exchange exchange, HttpServletResponse response) {
        List<Attempt> attempts = new ArrayList<>(3);
        attempts.add(new Attempt(exchange.upstream(), Connection.POOLED, null));
        attempts.add(new Attempt(exchange.upstream(), Connection.NEW, "upstream_retried"));
        boolean fallbackPlanned = false;
        Sent sent = null;
        for (int i = 0; i < attempts.size(); i++) {
            sent = attempt(exchange, response, attempts.get(i));
            if (!sent.connectFailed()) {
                return sent.end();
            }
            if (i == attempts.size() - 1 && !fallbackPlanned) { // looked up only when needed: rarely
                fallbackPlanned = true;
                fallbackOf(exchange)
                        .ifPresent(f -> attempts.add(new Attempt(f, Connection.POOLED, "upstream_fallback")));
            }
        }
        return sent.end();
    }

    /**
     * Sends once; if a pooled connection turns out closed before any answer, sends again at once
     * on a new one. Upstreams close idle keep-alive connections as a matter of course, so this is
     * no failure of theirs, and the trace does not flag it.
     */
    private Sent attempt(Exchange exchange, HttpServletResponse response, Attempt attempt) {
        if (attempt.upstream() != exchange.upstream()) {
            exchange.routeTo(attempt.upstream(), exchange.provider()); // a fallback speaks the same dialect
        }
        if (attempt.flag() != null) {
            exchange.flag(attempt.flag());
        }
        Sent sent = send(exchange, response, attempt.connection());
        return attempt.connection() == Connection.POOLED && sent.staleConnection()
                ? send(exchange, response, Connection.NEW)
                : sent;
    }

    /** The fallback of the exchange's upstream: the same tenant's, of the same dialect, enabled. */
    private Optional<UpstreamSnapshot> fallbackOf(Exchange exchange) {
        UUID fallbackId = exchange.upstream().resilience().fallbackUpstreamId();
        if (fallbackId == null) {
            return Optional.empty();
        }
        return caches.upstreams(exchange.key().tenantId()).stream()
                .filter(u -> u.id().equals(fallbackId)
                        && u.provider().equals(exchange.upstream().provider()))
                .findFirst();
    }

    /**
     * One send; {@code connectFailed} means the upstream was never reached, {@code staleConnection}
     * that the connection closed before any answer came (one the upstream had closed while it idled).
     */
    private record Sent(CallEnd end, boolean connectFailed, boolean staleConnection) {
        Sent(CallEnd end) {
            this(end, false, false);
        }
    }

    private enum Connection {
        POOLED,
        NEW
    }

    private Sent send(Exchange exchange, HttpServletResponse response, Connection connection) {
        int connectTimeoutMs = exchange.upstream().resilience().connectTimeoutMs();
        if (connection == Connection.POOLED) {
            return send(exchange, response, clients.forConnectTimeout(connectTimeoutMs));
        }
        CloseableHttpClient client = UpstreamClients.oneNewConnection(connectTimeoutMs);
        try {
            return send(exchange, response, client);
        } finally {
            client.close(CloseMode.GRACEFUL);
        }
    }

    private Sent send(Exchange exchange, HttpServletResponse response, CloseableHttpClient client) {
        HttpUriRequestBase request;
        try {
            request = buildRequest(exchange);
        } catch (ProviderFailedException e) {
            return new Sent(CallEnd.refused(ProxyError.providerFailed(e.provider())));
        }
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
            return new Sent(
                    CallEnd.refused(classify(failure)),
                    isConnectFailure(failure),
                    failure instanceof NoHttpResponseException);
        }
        exchange.upstreamTook(System.nanoTime() - sentAt);
        RelayOutcome outcome = null;
        try {
            outcome = relay(exchange, answer, response);
            return new Sent(relayed(exchange, response, answer.getCode(), outcome));
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

    private static CallEnd relayed(Exchange exchange, HttpServletResponse response, int status, RelayOutcome outcome) {
        exchange.usage(outcome.usage());
        ProxyError cutShort = switch (outcome.ending()) {
            case UPSTREAM_STALLED -> ProxyError.upstreamTimeout();
            case UPSTREAM_BROKE_OFF -> ProxyError.upstreamBrokeOff();
            case COMPLETE, CLIENT_DISCONNECTED -> null;
        };
        if (cutShort == null) {
            return CallEnd.answered(
                    status,
                    outcome.ending() == RelayOutcome.Ending.CLIENT_DISCONNECTED
                            ? "client_disconnected"
                            : status >= 400 ? "upstream_error" : null);
        }
        if (response.isCommitted()) {
            // The client has the status and part of the body; the trace says how it ended.
            return CallEnd.answered(status, cutShort.code());
        }
        // Nothing has reached the client yet: it gets a clear error, not the upstream's status
        // with an empty or cut body.
        response.reset();
        return CallEnd.refused(cutShort);
    }

    /** The gateway builds the call, the provider shapes it (credential, URL), the gateway sends it. */
    private HttpUriRequestBase buildRequest(Exchange exchange) {
        Map<String, String> forwarded = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : exchange.headers().entrySet()) {
            if (HeaderPolicy.toUpstream(header.getKey(), exchange.headers())) {
                forwarded.put(header.getKey(), header.getValue());
            }
        }
        // The exchange never writes into its body, so the call can send that very array.
        ForwardRequest call = ForwardRequest.wrapping(
                        exchange.method(),
                        URI.create(exchange.upstream().baseUrl()
                                + exchange.address().upstreamPath()),
                        exchange.body())
                .withHeaders(forwarded);
        ForwardRequest prepared = exchange.provider()
                .prepare(
                        call,
                        exchange.upstream().credential(),
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
        boolean eventStream =
                contentType != null && contentType.getValue().regionMatches(true, 0, "text/event-stream", 0, 17);
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
            sink = rewriter == null
                    ? RelaySink.passThrough(out, eventStream)
                    : eventStream
                            ? RelaySink.rewritingEvents(out, rewriter, BUFFERED_BODY_LIMIT)
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
        return failure instanceof ConnectException
                || failure instanceof ConnectTimeoutException
                || failure instanceof UnknownHostException
                || failure instanceof NoHttpResponseException;
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
