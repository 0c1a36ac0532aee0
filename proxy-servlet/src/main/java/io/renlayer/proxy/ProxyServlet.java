package io.renlayer.proxy;

import io.renlayer.core.config.GatewaySettings;
import io.renlayer.core.runtime.RuntimeDirectory.DirectoryUnavailableException;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.forward.InlineCalls;
import io.renlayer.proxy.forward.UpstreamForwarder;
import io.renlayer.proxy.limits.InFlightCalls;
import io.renlayer.proxy.metrics.ProxyMetrics;
import io.renlayer.proxy.pipeline.CallEnd;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.StageResult;
import io.renlayer.proxy.route.Route;
import io.renlayer.proxy.route.RouteTable;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent-facing entry point: find the call's route, run the route's stages, send the call
 * upstream if they let it through, and finish it. Everything else is in the route table
 * ({@link ProxyRoutes}), the stages, the forwarder and {@link CallFinish}.
 */
@WebServlet(urlPatterns = "/*", asyncSupported = true)
public class ProxyServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ProxyServlet.class.getName());

    @Inject
    private ProxyRoutes routes;

    @Inject
    private UpstreamForwarder forwarder;

    @Inject
    private CallFinish finish;

    @Inject
    private ProxyMetrics metrics;

    private InFlightCalls inFlight;
    private InlineCalls inline;
    private long maxRequestBytes; // the routes' body bound, copied once rather than looked up per call

    @Override
    public void init() {
        maxRequestBytes = routes.bodyLimit();
        inFlight = new InFlightCalls(GatewaySettings.maxInFlightCalls(), GatewaySettings.maxInFlightBytes());
        metrics.watch(inFlight);
        inline = new InlineCalls(GatewaySettings.inlineCalls());
        metrics.watch(inline);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requestId = RequestIds.next();
        RouteTable table = routes.table();
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            ServerErrorPage.write(
                    request,
                    response,
                    requestId,
                    path -> table.match("GET", path, null).route());
            return;
        }
        RouteTable.Match match = table.match(request.getMethod(), request.getRequestURI(), request.getQueryString());
        Exchange exchange = new Exchange(
                requestId,
                request.getMethod(),
                match.address(),
                ServletInbound.headers(request),
                new ServletInbound(request));
        // Declared bytes only: reading a body to learn its size is the work shedding must avoid.
        long declaredBytes = Math.min(Math.max(request.getContentLengthLong(), 0), maxRequestBytes);
        if (!inFlight.tryEnter(declaredBytes)) {
            metrics.shed();
            finish.finish(response, exchange, match.route(), CallEnd.refused(ProxyError.overloaded()));
            return;
        }
        try {
            run(request, response, exchange, match.route());
        } finally {
            InFlightRelease.whenDone(request, () -> inFlight.exit(declaredBytes));
        }
    }

    private void run(HttpServletRequest request, HttpServletResponse response, Exchange exchange, Route route) {
        StageResult result = runStages(exchange, route);
        if (!result.proceeds()) {
            finish.finish(
                    response,
                    exchange,
                    route,
                    result.rejection().map(CallEnd::refused).orElseGet(() -> CallEnd.answered(200, null)));
            return;
        }
        // Streams, and GETs (an MCP server's event stream), last as long as they like: never inline.
        if (!exchange.streamRequested() && !"GET".equals(exchange.method()) && inline.tryEnter()) {
            CallEnd end;
            try {
                end = forwarder.forwardHere(exchange, response);
            } finally {
                inline.exit();
            }
            finish.finish(response, exchange, route, end);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the upstream call carries the timeout, not the servlet continuation
        forwarder.forward(exchange, response).whenComplete((end, failure) -> {
            try {
                finish.finish(response, exchange, route, end != null ? end : CallEnd.refused(ProxyError.internal()));
            } finally {
                async.complete();
            }
        });
    }

    private static StageResult runStages(Exchange exchange, Route route) {
        try {
            return route.stages().run(exchange);
        } catch (DirectoryUnavailableException e) {
            return StageResult.reject(ProxyError.unavailable());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "request " + exchange.requestId() + " failed in the pipeline", e);
            return StageResult.reject(ProxyError.internal());
        }
    }
}
