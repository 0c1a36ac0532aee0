package io.renlayer.proxy.route;

import io.renlayer.proxy.pipeline.Address;
import io.renlayer.spi.upstream.ProviderRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provider's declared route read as a path pattern: its {@code {model}} matches a model name of
 * letters, digits, dots, dashes and underscores (nothing that could walk the upstream path), and
 * becomes the address's target; the upstream path gets the same name and the query parameters the
 * route passes on, no others.
 */
public final class ProviderPath implements PathPattern {

    private static final String MODEL = "{model}";
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ProviderRoute route;
    private final Pattern path;

    public ProviderPath(ProviderRoute route) {
        this.route = route;
        String template = route.path();
        int at = template.indexOf(MODEL);
        this.path = at < 0
                ? Pattern.compile(Pattern.quote(template))
                : Pattern.compile(Pattern.quote(template.substring(0, at)) + "([A-Za-z0-9_-][A-Za-z0-9._-]{0,127})"
                        + Pattern.quote(template.substring(at + MODEL.length())));
    }

    @Override
    public Address address(String method, String rawPath, String query) {
        Matcher m = path.matcher(rawPath);
        if (!m.matches()) {
            return null;
        }
        String model = m.groupCount() == 1 ? m.group(1) : null;
        return new Address(route.path(), model, upstreamPath(model, query), null);
    }

    /** The upstream path for a model, with the passed query parameters of the caller's query. */
    public String upstreamPath(String model, String query) {
        String upstream =
                model == null ? route.upstreamPath() : route.upstreamPath().replace(MODEL, model);
        List<String> passed = new ArrayList<>();
        if (query != null && !route.queryParameters().isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                if (route.queryParameters().contains(name)
                        && SAFE_VALUE.matcher(value).matches()) {
                    passed.add(name + "=" + value);
                }
            }
        }
        return passed.isEmpty() ? upstream : upstream + "?" + String.join("&", passed);
    }

    public ProviderRoute route() {
        return route;
    }
}
