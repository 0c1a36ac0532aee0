package io.renlayer.proxy.route;

import java.util.List;
import java.util.Optional;

/** The model routes the proxy forwards (all POST). Upstream base URLs include the API version. */
public final class RouteTable {

    public static final List<Route> ROUTES = List.of(
            new Route("/v1/chat/completions", "openai", "/chat/completions"),
            new Route("/v1/responses", "openai", "/responses"),
            new Route("/v1/embeddings", "openai", "/embeddings"),
            new Route("/v1/messages", "anthropic", "/messages"));

    /** Lists the models a key may use; answered by the gateway itself. */
    public static final String MODELS = "/v1/models";

    private RouteTable() {}

    public static Optional<Route> find(String path) {
        return ROUTES.stream().filter(r -> r.path().equals(path)).findFirst();
    }
}
