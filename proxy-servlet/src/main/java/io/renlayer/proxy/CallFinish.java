package io.renlayer.proxy;

import io.renlayer.proxy.error.ErrorWriter;
import io.renlayer.proxy.mcp.McpCall;
import io.renlayer.proxy.pipeline.CallEnd;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.route.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one end of every call, refused, answered by the gateway or relayed: sets its final status,
 * writes what the caller has yet to be told, and records the call in metrics and its trace.
 */
@ApplicationScoped
public class CallFinish {

    private static final Logger LOG = Logger.getLogger(CallFinish.class.getName());

    @Inject
    private ExchangeRecorder recorder;

    @Inject
    private ProxyRoutes routes;

    public void finish(HttpServletResponse response, Exchange exchange, Route route, CallEnd end) {
        exchange.finished(end.status(), end.errorCode());
        try {
            if (end.reply() != null) {
                ErrorWriter.write(
                        response,
                        end.reply(),
                        exchange.requestId(),
                        route.errors(),
                        McpCall.answeringIdOf(exchange),
                        route.provider());
            } else if (exchange.answer() != null) {
                writeAnswer(response, exchange);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "could not write the answer to " + exchange.requestId(), e);
        } finally {
            if (end.reply() != null && end.reply().status() == 401) {
                routes.keyGuesses().refused(exchange);
            }
            // Settle limits before the client sees the end of the call: its next call then meets
            // exact counters, not this call's estimate.
            recorder.record(exchange, route.label(), route.traced());
        }
    }

    private static void writeAnswer(HttpServletResponse response, Exchange exchange) throws IOException {
        byte[] body = exchange.answer();
        response.setStatus(exchange.status());
        response.setContentType("application/json");
        response.setHeader("x-request-id", exchange.requestId());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
