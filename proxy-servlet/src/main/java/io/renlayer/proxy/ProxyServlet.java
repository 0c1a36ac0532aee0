package io.renlayer.proxy;

import io.renlayer.admin.plugins.PluginRegistry;
import io.renlayer.admin.runtime.RuntimeDirectory.DirectoryUnavailableException;
import io.renlayer.proxy.cache.ConfigCaches;
import io.renlayer.proxy.error.ErrorWriter;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.forward.UpstreamForwarder;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.InboundPipeline;
import io.renlayer.proxy.inspect.DetectorRunner;
import io.renlayer.admin.runtime.PriceTable;
import io.renlayer.proxy.limits.Limiter;
import io.renlayer.proxy.stage.AdmitStage;
import io.renlayer.proxy.stage.AuthenticateKeyStage;
import io.renlayer.proxy.stage.GuardKeyScopeStage;
import io.renlayer.proxy.stage.ReadChatRequestStage;
import io.renlayer.proxy.stage.ResolveUpstreamStage;
import io.renlayer.proxy.stage.ScanPromptStage;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent-facing entry point. Thin on purpose: read the request, run the inbound pipeline, hand
 * the call to the forwarder asynchronously, record the trace.
 */
@WebServlet(urlPatterns = "/*", asyncSupported = true)
public class ProxyServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ProxyServlet.class.getName());
    static final String CHAT_COMPLETIONS = "/v1/chat/completions";

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

    private InboundPipeline chatPipeline;

    @Override
    public void init() {
        chatPipeline = new InboundPipeline(List.of(
                new AuthenticateKeyStage(caches::key, Clock.systemUTC()),
                new ReadChatRequestStage(),
                new ResolveUpstreamStage("openai", caches::upstreams, plugins::upstreamProvider),
                new GuardKeyScopeStage(),
                new AdmitStage(limiter::admit, prices::costMicros),
                new ScanPromptStage(detectors)));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requestId = RequestIds.next();
        String path = request.getRequestURI();
        if (!CHAT_COMPLETIONS.equals(path)) {
            ErrorWriter.write(response, ProxyError.unknownRoute(request.getMethod(), path), requestId);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            ErrorWriter.write(response, ProxyError.methodNotAllowed(request.getMethod(), path), requestId);
            return;
        }
        Optional<byte[]> body = RequestBodies.read(request);
        if (body.isEmpty()) {
            ErrorWriter.write(response, ProxyError.bodyTooLarge(RequestBodies.LIMIT), requestId);
            return;
        }
        Exchange exchange = new Exchange(requestId, "POST", CHAT_COMPLETIONS, RequestBodies.headers(request), body.get());

        Optional<ProxyError> rejection;
        try {
            rejection = chatPipeline.run(exchange);
        } catch (DirectoryUnavailableException e) {
            rejection = Optional.of(ProxyError.unavailable());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "request " + requestId + " failed in the pipeline", e);
            rejection = Optional.of(ProxyError.internal());
        }
        if (rejection.isPresent()) {
            ErrorWriter.write(response, rejection.get(), requestId);
            exchange.finished(rejection.get().status(), rejection.get().code());
            recorder.record(exchange);
            return;
        }

        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the upstream call carries the timeout, not the servlet continuation
        forwarder.forward(exchange, "/chat/completions", response).whenComplete((error, failure) -> {
            try {
                if (error != null) {
                    ErrorWriter.write(response, error, requestId);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "could not write the error for " + requestId, e);
            } finally {
                async.complete();
                recorder.record(exchange);
            }
        });
    }
}
