package io.renlayer.proxy;

import io.renlayer.admin.config.GatewaySettings;
import io.renlayer.admin.plugins.PluginRegistry;
import io.renlayer.admin.runtime.RuntimeDirectory.DirectoryUnavailableException;
import io.renlayer.proxy.cache.ConfigCaches;
import io.renlayer.proxy.error.ErrorDialect;
import io.renlayer.proxy.error.ErrorWriter;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.forward.InlineCalls;
import io.renlayer.proxy.forward.UpstreamForwarder;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.InboundPipeline;
import io.renlayer.proxy.inspect.DetectorRunner;
import io.renlayer.admin.runtime.PriceTable;
import io.renlayer.proxy.limits.InFlightCalls;
import io.renlayer.proxy.limits.Limiter;
import io.renlayer.proxy.mcp.GuardToolsStage;
import io.renlayer.proxy.metrics.ProxyMetrics;
import io.renlayer.proxy.mcp.McpPath;
import io.renlayer.proxy.mcp.ReadMcpRequestStage;
import io.renlayer.proxy.mcp.ResolveMcpUpstreamStage;
import io.renlayer.proxy.policy.EvaluatePolicyStage;
import io.renlayer.proxy.route.Route;
import io.renlayer.proxy.route.ServicePath;
import io.renlayer.proxy.route.RouteTable;
import io.renlayer.proxy.stage.AdmitStage;
import io.renlayer.proxy.stage.AuthenticateKeyStage;
import io.renlayer.proxy.stage.GuardKeyScopeStage;
import io.renlayer.proxy.stage.ReadChatRequestStage;
import io.renlayer.proxy.stage.ResolveServiceStage;
import io.renlayer.proxy.stage.ResolveUpstreamStage;
import io.renlayer.proxy.stage.ScanPromptStage;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent-facing entry point. Thin on purpose: read the request, run the inbound pipeline, hand
 * the call to the forwarder asynchronously, record the trace.
 */
@WebServlet(urlPatterns = "/*", asyncSupported = true)
public class ProxyServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ProxyServlet.class.getName());

    @Inject
    private ConfigCaches caches;

    @Inject
    private PluginRegistry plugins;

    @Inject
    private UpstreamForwarder forwarder;

    @Inject
    private ExchangeRecorder recorder;

    @Inject
    private DetectorRunner detectors;

    @Inject
    private Limiter limiter;

    @Inject
    private PriceTable prices;

    @Inject
    private ModelListing models;

    @Inject
    private ProxyMetrics metrics;

    private final KeyGuesses keyGuesses = new KeyGuesses();

    private static final List<String> MCP_METHODS = List.of("POST", "GET", "DELETE");

    private final Map<Route, InboundPipeline> pipelines = new HashMap<>();
    private AuthenticateKeyStage authenticate;
    private GuardKeyScopeStage guard;
    private AdmitStage admit;
    private RequestBodies bodies;
    private InFlightCalls inFlight;
    private InlineCalls inline;

    @Override
    public void init() {
        authenticate = new AuthenticateKeyStage(caches::key, Clock.systemUTC());
        guard = new GuardKeyScopeStage();
        admit = new AdmitStage(limiter::admit, prices::costMicros);
        bodies = new RequestBodies(GatewaySettings.maxRequestBytes());
        inFlight = new InFlightCalls(GatewaySettings.maxInFlightCalls(), GatewaySettings.maxInFlightBytes());
        metrics.watch(inFlight);
        inline = new InlineCalls(GatewaySettings.inlineCalls());
        metrics.watch(inline);
        for (Route route : RouteTable.ROUTES) {
            // The one, reviewed order of the inbound stages.
            pipelines.put(route, new InboundPipeline(List.of(
                    authenticate,
                    new ReadChatRequestStage(),
                    new ResolveUpstreamStage(route.dialect(), caches::upstreams, plugins::upstreamProvider),
                    guard,
                    admit,
                    new ScanPromptStage(detectors),
                    new EvaluatePolicyStage(caches::policies, detectors))));
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requestId = RequestIds.next();
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            ServerErrorPage.write(request, response, requestId, ProxyServlet::dialectOf);
            return;
        }
        String path = request.getRequestURI();
        Optional<String> badHeader = RequestBodies.headerWithControlCharacters(request);
        if (badHeader.isPresent()) {
            ErrorWriter.write(response, ProxyError.invalidHeader(badHeader.get()), requestId);
            return;
        }
        long wait = keyGuesses.retryAfterSeconds(request);
        if (wait > 0) {
            ErrorWriter.write(response, ProxyError.tooManyInvalidKeys(wait), requestId, dialectOf(path), null);
            return;
        }
        // Declared bytes only: reading a body to learn its size is the work shedding must avoid.
        long declaredBytes = Math.min(Math.max(request.getContentLengthLong(), 0), bodies.limit());
        if (!inFlight.tryEnter(declaredBytes)) {
            ErrorWriter.write(response, ProxyError.overloaded(), requestId, dialectOf(path), null);
            metrics.shed();
            return;
        }
        try {
            dispatch(request, response, requestId, path);
        } catch (RequestBodies.UnreadableBody e) {
            ErrorWriter.write(response, ProxyError.refusedByServer(400), requestId, dialectOf(path), null);
        } finally {
            exitWhenDone(request, declaredBytes);
        }
    }

    /** A call that went asynchronous (forwarded) leaves when its response completes, not now. */
    private void exitWhenDone(HttpServletRequest request, long declaredBytes) {
        if (!request.isAsyncStarted()) {
            inFlight.exit(declaredBytes);
            return;
        }
        AtomicBoolean exited = new AtomicBoolean();
        request.getAsyncContext().addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                exit();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                exit();
            }

            @Override
            public void onError(AsyncEvent event) {
                exit();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // the same call, still in flight
            }

            private void exit() {
                if (exited.compareAndSet(false, true)) {
                    inFlight.exit(declaredBytes);
                }
            }
        });
    }

    private static ErrorDialect dialectOf(String path) {
        return path.startsWith(McpPath.PREFIX) ? ErrorDialect.MCP
                : RouteTable.find(path).map(Route::errors).orElse(ErrorDialect.OPENAI);
    }

    private void dispatch(HttpServletRequest request, HttpServletResponse response, String requestId, String path)
            throws IOException {
        if (RouteTable.MODELS.equals(path) && "GET".equals(request.getMethod())) {
            models.list(request, response, requestId, authenticate);
            if (response.getStatus() == 401) {
                keyGuesses.refused(request);
            }
            return;
        }
        if (path.startsWith(ServicePath.PREFIX)) {
            service(request, response, requestId, path);
            return;
        }
        if (path.startsWith(McpPath.PREFIX)) {
            mcp(request, response, requestId, path);
            return;
        }
        Optional<Route> found = RouteTable.find(path);
        if (found.isEmpty()) {
            ErrorWriter.write(response, ProxyError.unknownRoute(request.getMethod(), path), requestId);
            return;
        }
        Route route = found.get();
        if (caches.routeDisabled(route.path())) { // before any other check, as operators expect
            ErrorWriter.write(response, ProxyError.routeDisabled(route.path()), requestId, route.errors(), null);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            ErrorWriter.write(response, ProxyError.methodNotAllowed(request.getMethod(), path), requestId, route.errors(), null);
            return;
        }
        Optional<byte[]> body = bodies.read(request);
        if (body.isEmpty()) {
            ErrorWriter.write(response, ProxyError.bodyTooLarge(bodies.limit()), requestId, route.errors(), null);
            return;
        }
        // Not decoded here: the parser reads the bytes in place, and the trace writer stores them so.
        Optional<ProxyError> unreadable = JsonBodyCheck.problem(request.getContentType(), body.get());
        if (unreadable.isPresent()) {
            ErrorWriter.write(response, unreadable.get(), requestId, route.errors(), null);
            return;
        }
        Exchange exchange = new Exchange(requestId, "POST", route.path(), RequestBodies.headers(request), body.get());
        proxy(request, response, exchange, pipelines.get(route), route.upstreamPath(), route.errors());
    }

    /** {@code /services/<name>/...}: a registered service, any of its allowed methods. */
    private void service(HttpServletRequest request, HttpServletResponse response, String requestId, String path)
            throws IOException {
        Optional<ServicePath> servicePath = ServicePath.parse(path);
        if (servicePath.isEmpty()) {
            ErrorWriter.write(response, ProxyError.invalidPath(), requestId);
            return;
        }
        ServicePath target = servicePath.get();
        if (caches.routeDisabled(target.route())) {
            ErrorWriter.write(response, ProxyError.routeDisabled(target.route()), requestId);
            return;
        }
        Optional<byte[]> body = bodies.read(request);
        if (body.isEmpty()) {
            ErrorWriter.write(response, ProxyError.bodyTooLarge(bodies.limit()), requestId);
            return;
        }
        Exchange exchange = new Exchange(requestId, request.getMethod(), target.route(), RequestBodies.headers(request),
                body.get());
        InboundPipeline pipeline = new InboundPipeline(List.of(
                authenticate, new ResolveServiceStage(target.service(), caches::services), guard, admit,
                new EvaluatePolicyStage(caches::policies, detectors)));
        String query = request.getQueryString();
        proxy(request, response, exchange, pipeline, target.rest() + (query == null ? "" : "?" + query),
                ErrorDialect.OPENAI);
    }

    /**
     * {@code /mcp/<upstream>}: MCP's Streamable HTTP transport. POST carries JSON-RPC messages, GET
     * opens the server's event stream, DELETE ends the session; {@code Mcp-Session-Id} passes both ways.
     */
    private void mcp(HttpServletRequest request, HttpServletResponse response, String requestId, String path)
            throws IOException {
        Optional<McpPath> mcpPath = McpPath.parse(path);
        if (mcpPath.isEmpty()) {
            ErrorWriter.write(response, ProxyError.invalidPath(), requestId, ErrorDialect.MCP, null);
            return;
        }
        McpPath target = mcpPath.get();
        if (caches.routeDisabled(target.route())) {
            ErrorWriter.write(response, ProxyError.routeDisabled(target.route()), requestId, ErrorDialect.MCP, null);
            return;
        }
        if (!MCP_METHODS.contains(request.getMethod())) {
            response.setHeader("allow", String.join(", ", MCP_METHODS));
            ErrorWriter.write(response, ProxyError.methodNotAllowed(request.getMethod(), path), requestId,
                    ErrorDialect.MCP, null);
            return;
        }
        Optional<byte[]> body = bodies.read(request);
        if (body.isEmpty()) {
            ErrorWriter.write(response, ProxyError.bodyTooLarge(bodies.limit()), requestId, ErrorDialect.MCP, null);
            return;
        }
        Optional<ProxyError> unreadable = "POST".equals(request.getMethod())
                ? JsonBodyCheck.problem(request.getContentType(), body.get())
                : Optional.empty();
        if (unreadable.isPresent()) {
            ErrorWriter.write(response, unreadable.get(), requestId, ErrorDialect.MCP, null);
            return;
        }
        Exchange exchange = new Exchange(requestId, request.getMethod(), target.route(), RequestBodies.headers(request),
                body.get(), new String(body.get(), StandardCharsets.UTF_8));
        InboundPipeline pipeline = new InboundPipeline(List.of(
                authenticate,
                new ReadMcpRequestStage(),
                new ResolveMcpUpstreamStage(target.upstream(), caches::upstreams, plugins::upstreamProvider),
                guard,
                new GuardToolsStage(), // a refused tool costs the caller nothing
                admit,
                new ScanPromptStage(detectors),
                new EvaluatePolicyStage(caches::policies, detectors)));
        proxy(request, response, exchange, pipeline, "", ErrorDialect.MCP);
    }

    /** Runs the pipeline, then forwards asynchronously and records; errors in the caller's dialect. */
    private void proxy(HttpServletRequest request, HttpServletResponse response, Exchange exchange,
            InboundPipeline pipeline, String upstreamPath, ErrorDialect dialect) throws IOException {
        String requestId = exchange.requestId();
        Optional<ProxyError> rejection;
        try {
            rejection = pipeline.run(exchange);
        } catch (DirectoryUnavailableException e) {
            rejection = Optional.of(ProxyError.unavailable());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "request " + requestId + " failed in the pipeline", e);
            rejection = Optional.of(ProxyError.internal());
        }
        if (rejection.isPresent()) {
            if (rejection.get().status() == 401) {
                keyGuesses.refused(request);
            }
            ErrorWriter.write(response, rejection.get(), requestId, dialect, exchange.jsonRpcId());
            exchange.finished(rejection.get().status(), rejection.get().code());
            recorder.record(exchange);
            return;
        }

        // Streams, and GETs (an MCP server's event stream), last as long as they like: never inline.
        if (!exchange.streamRequested() && !"GET".equals(exchange.method()) && inline.tryEnter()) {
            ProxyError error;
            try {
                error = forwarder.forwardHere(exchange, upstreamPath, response);
            } finally {
                inline.exit();
            }
            finish(response, exchange, error, dialect);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the upstream call carries the timeout, not the servlet continuation
        forwarder.forward(exchange, upstreamPath, response).whenComplete((error, failure) -> {
            try {
                finish(response, exchange, error, dialect);
            } finally {
                async.complete();
            }
        });
    }

    /** Reports the error, if the call ended in one, and records the call. */
    private void finish(HttpServletResponse response, Exchange exchange, ProxyError error, ErrorDialect dialect) {
        try {
            if (error != null) {
                ErrorWriter.write(response, error, exchange.requestId(), dialect, exchange.jsonRpcId());
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "could not write the error for " + exchange.requestId(), e);
        } finally {
            // Settle limits before the client sees the end of the call: its next call then meets
            // exact counters, not this call's estimate.
            recorder.record(exchange);
        }
    }
}
