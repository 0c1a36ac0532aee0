package io.renlayer.proxy;

import io.renlayer.core.config.GatewaySettings;
import io.renlayer.core.plugins.PluginRegistry;
import io.renlayer.core.plugins.PluginSet;
import io.renlayer.core.runtime.PriceTable;
import io.renlayer.proxy.cache.ConfigCaches;
import io.renlayer.proxy.error.ErrorDialect;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.inspect.DetectorRunner;
import io.renlayer.proxy.limits.Limiter;
import io.renlayer.proxy.mcp.GuardToolsStage;
import io.renlayer.proxy.mcp.McpPath;
import io.renlayer.proxy.mcp.ReadMcpRequestStage;
import io.renlayer.proxy.mcp.ResolveMcpUpstreamStage;
import io.renlayer.proxy.pipeline.Address;
import io.renlayer.proxy.pipeline.InboundPipeline;
import io.renlayer.proxy.pipeline.Stage;
import io.renlayer.proxy.policy.EvaluatePolicyStage;
import io.renlayer.proxy.route.PathPattern;
import io.renlayer.proxy.route.ProviderPath;
import io.renlayer.proxy.route.Route;
import io.renlayer.proxy.route.RouteTable;
import io.renlayer.proxy.route.ServicePath;
import io.renlayer.proxy.stage.AcceptStage;
import io.renlayer.proxy.stage.AdmitStage;
import io.renlayer.proxy.stage.AgentTokens;
import io.renlayer.proxy.stage.AuthenticateKeyStage;
import io.renlayer.proxy.stage.BodyRule;
import io.renlayer.proxy.stage.GuardKeyScopeStage;
import io.renlayer.proxy.stage.KeyGuesses;
import io.renlayer.proxy.stage.ListModelsStage;
import io.renlayer.proxy.stage.ReadChatRequestStage;
import io.renlayer.proxy.stage.ReadModelRequestStage;
import io.renlayer.proxy.stage.ResolveServiceStage;
import io.renlayer.proxy.stage.ResolveUpstreamStage;
import io.renlayer.proxy.stage.ScanPromptStage;
import io.renlayer.spi.upstream.ProviderRoute;
import io.renlayer.spi.upstream.UpstreamProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The proxy's route table, built once at start: for each route its paths, the dialect of its
 * errors and its stages in order. This is the one place the order of the stages is written.
 * Upstream base URLs include the API version, so the model routes forward to the path without it.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class.getName());

    /** A model route: the path agents call, the provider dialect that serves it, the upstream path. */
    private record ModelRoute(String path, String dialect, String upstreamPath) {}

    private static final List<ModelRoute> MODEL_ROUTES = List.of(
            new ModelRoute("/v1/chat/completions", "openai", "/chat/completions"),
            new ModelRoute("/v1/responses", "openai", "/responses"),
            new ModelRoute("/v1/embeddings", "openai", "/embeddings"),
            new ModelRoute("/v1/messages", "anthropic", "/messages"));

    @Inject
    private ConfigCaches caches;

    @Inject
    private PluginRegistry plugins;

    @Inject
    private Limiter limiter;

    @Inject
    private PriceTable prices;

    @Inject
    private DetectorRunner detectors;

    private final KeyGuesses keyGuesses = new KeyGuesses();
    private volatile RouteTable table;
    private int bodyLimit;
    private Stage authenticate;
    private Stage guard;
    private Stage admit;
    private Stage scanPrompt;
    private Stage evaluatePolicies;

    @PostConstruct
    void build() {
        bodyLimit = GatewaySettings.maxRequestBytes();
        authenticate = new AuthenticateKeyStage(
                caches::key, new AgentTokens(caches::keyOfClient, caches.tokenVerifier()), Clock.systemUTC());
        guard = new GuardKeyScopeStage();
        admit = new AdmitStage(limiter::admit, prices::costMicros);
        scanPrompt = new ScanPromptStage(detectors);
        evaluatePolicies = new EvaluatePolicyStage(caches::policies, caches::upstreams, detectors);
        table = table(plugins.current());
        // A provider plugin dropped in or removed brings or takes its routes: the next calls see them.
        plugins.onChange(set -> table = table(set));
    }

    private RouteTable table(PluginSet plugins) {
        List<Route> routes = new ArrayList<>();
        for (ModelRoute model : MODEL_ROUTES) {
            routes.add(new Route(
                    model.path(),
                    PathPattern.exactly(model.path(), model.upstreamPath()),
                    model.dialect().equals("anthropic") ? ErrorDialect.ANTHROPIC : ErrorDialect.OPENAI,
                    stages(
                            accept(List.of("POST"), BodyRule.JSON),
                            authenticate,
                            new ReadChatRequestStage(),
                            new ResolveUpstreamStage(model.dialect(), caches::upstreams, plugins::upstreamProvider),
                            guard,
                            admit,
                            scanPrompt,
                            evaluatePolicies),
                    true));
        }
        routes.add(new Route(
                "/v1/models",
                PathPattern.exactly("/v1/models", ""),
                ErrorDialect.OPENAI,
                stages(accept(List.of("GET"), BodyRule.NONE), authenticate, new ListModelsStage(caches::upstreams)),
                false));
        // A registered service's own methods are checked once the service is known.
        routes.add(new Route(
                "/services/*",
                ServicePath::address,
                ErrorDialect.OPENAI,
                stages(
                        accept(List.of(), BodyRule.ANY),
                        authenticate,
                        new ResolveServiceStage(caches::services),
                        guard,
                        admit,
                        evaluatePolicies),
                true));
        // MCP's Streamable HTTP transport: POST carries JSON-RPC messages, GET opens the server's
        // event stream, DELETE ends the session.
        routes.add(new Route(
                "/mcp/*",
                McpPath::address,
                ErrorDialect.MCP,
                stages(
                        accept(List.of("POST", "GET", "DELETE"), BodyRule.JSON_WHEN_POST),
                        authenticate,
                        new ReadMcpRequestStage(),
                        new ResolveMcpUpstreamStage(caches::upstreams, plugins::upstreamProvider),
                        guard,
                        new GuardToolsStage(), // a refused tool costs the caller nothing
                        admit,
                        scanPrompt,
                        evaluatePolicies),
                true));
        routes.addAll(providerRoutes(plugins, routes));
        Route unmatched = new Route(
                "unmatched",
                (method, path, query) -> Address.refused("unmatched", ProxyError.unknownRoute(method, path)),
                ErrorDialect.OPENAI,
                stages(accept(List.of(), BodyRule.NONE)),
                false);
        return new RouteTable(routes, unmatched);
    }

    /**
     * The routes of providers that own their dialect (Gemini's, a vendor's): each served with the
     * same stages as the built-in model routes, its request read and its errors written by the
     * provider. A route whose path an earlier route already has is left out, and said so.
     */
    private List<Route> providerRoutes(PluginSet plugins, List<Route> taken) {
        List<Route> routes = new ArrayList<>();
        for (String id : plugins.upstreamProviderIds()) {
            UpstreamProvider provider = plugins.upstreamProvider(id).orElseThrow();
            for (ProviderRoute declared : provider.routes()) {
                if (Stream.concat(taken.stream(), routes.stream())
                        .anyMatch(r -> r.label().equals(declared.path()))) {
                    LOG.warning(
                            "Provider " + id + " declares the route " + declared.path() + ", which another route has");
                    continue;
                }
                ProviderPath path = new ProviderPath(declared);
                routes.add(new Route(
                        declared.path(),
                        path,
                        ErrorDialect.PROVIDER,
                        stages(
                                accept(List.of("POST"), BodyRule.JSON),
                                authenticate,
                                new ReadModelRequestStage(provider, path),
                                new ResolveUpstreamStage(id, caches::upstreams, plugins::upstreamProvider),
                                guard,
                                admit,
                                scanPrompt,
                                evaluatePolicies),
                        true,
                        provider));
            }
        }
        return routes;
    }

    private AcceptStage accept(List<String> methods, BodyRule body) {
        return new AcceptStage(methods, body, bodyLimit, caches::routeDisabled, keyGuesses);
    }

    private static InboundPipeline stages(Stage... stages) {
        return new InboundPipeline(List.of(stages));
    }

    /** The largest request body any route reads ({@code RENLAYER_MAX_REQUEST_BYTES}). */
    public int bodyLimit() {
        return bodyLimit;
    }

    public RouteTable table() {
        return table;
    }

    /** Addresses that sent too many unknown keys; the finish of a call refused for its key counts it. */
    public KeyGuesses keyGuesses() {
        return keyGuesses;
    }
}
