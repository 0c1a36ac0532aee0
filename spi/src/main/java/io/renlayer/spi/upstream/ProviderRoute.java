package io.renlayer.spi.upstream;

import io.renlayer.spi.Experimental;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A path agents call that a provider serves, and where on its upstream the call goes. Both may
 * hold one {@code {model}} placeholder (Gemini names the model in the path:
 * {@code /v1beta/models/{model}:generateContent}); the gateway matches it against a model name of
 * letters, digits, dots, dashes and underscores, and puts the same name into the upstream path.
 * Query parameters are dropped unless the route names them: a caller's key in the query string
 * must never travel on.
 *
 * @since 1.1
 */
@Experimental("providers owning their dialect are new in 1.1")
public final class ProviderRoute {

    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._:/-]*(\\{model\\}[A-Za-z0-9._:/-]*)?");

    private final String path;
    private final String upstreamPath;
    private final boolean streams;
    private final List<String> queryParameters;

    private ProviderRoute(String path, String upstreamPath, boolean streams, List<String> queryParameters) {
        this.path = path;
        this.upstreamPath = upstreamPath;
        this.streams = streams;
        this.queryParameters = List.copyOf(queryParameters);
    }

    /**
     * @param path what agents call, e.g. {@code /v1beta/models/{model}:generateContent}
     * @param upstreamPath appended to the upstream's base URL, e.g. {@code /models/{model}:generateContent}
     */
    public static ProviderRoute of(String path, String upstreamPath) {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(upstreamPath, "upstreamPath is null");
        if (!PATH.matcher(path).matches() || !PATH.matcher(upstreamPath).matches()) {
            throw new IllegalArgumentException(
                    "a route path is /-separated letters, digits and . _ : - with at most one {model}");
        }
        if (path.contains("{model}") != upstreamPath.contains("{model}")) {
            throw new IllegalArgumentException("{model} must be in both paths or in neither");
        }
        return new ProviderRoute(path, upstreamPath, false, List.of());
    }

    /** Calls on this route ask for a streamed answer whatever their body says. */
    public ProviderRoute streaming() {
        return new ProviderRoute(path, upstreamPath, true, queryParameters);
    }

    /** Query parameters passed on to the upstream (e.g. {@code alt} for Gemini's server-sent events). */
    public ProviderRoute passingQuery(List<String> names) {
        return new ProviderRoute(path, upstreamPath, streams, names);
    }

    public String path() {
        return path;
    }

    public String upstreamPath() {
        return upstreamPath;
    }

    public boolean streams() {
        return streams;
    }

    public List<String> queryParameters() {
        return queryParameters;
    }

    @Override
    public String toString() {
        return "ProviderRoute[" + path + " -> " + upstreamPath + "]";
    }
}
