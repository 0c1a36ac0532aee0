package io.renlayer.spi.upstream;

import io.renlayer.spi.Experimental;
import java.util.Objects;

/**
 * A call on one of a provider's routes, for it to read ({@link UpstreamProvider#readRequest}).
 *
 * @since 1.1
 */
@Experimental("providers owning their dialect are new in 1.1")
public final class ModelCall {

    private final ProviderRoute route;
    private final String pathModel;
    private final String body;

    private ModelCall(ProviderRoute route, String pathModel, String body) {
        this.route = Objects.requireNonNull(route, "route is null");
        this.pathModel = pathModel;
        this.body = Objects.requireNonNull(body, "body is null");
    }

    public static ModelCall of(ProviderRoute route, String pathModel, String body) {
        return new ModelCall(route, pathModel, body);
    }

    public ProviderRoute route() {
        return route;
    }

    /** The model the path names, for a route with {@code {model}}; else null. */
    public String pathModel() {
        return pathModel;
    }

    /** The request body, decoded as UTF-8. Never log it. */
    public String body() {
        return body;
    }

    @Override
    public String toString() {
        return "ModelCall[" + route.path() + ", model=" + pathModel + ", length=" + body.length() + "]";
    }
}
