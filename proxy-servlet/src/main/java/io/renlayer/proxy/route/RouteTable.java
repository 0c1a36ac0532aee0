package io.renlayer.proxy.route;

import io.renlayer.proxy.pipeline.Address;
import java.util.List;

/**
 * Every route the proxy serves, built once at start, and the route that answers every other path
 * (its accept stage refuses it with the address's reason).
 */
public final class RouteTable {

    private final List<Route> routes;
    private final Route unmatched;

    public RouteTable(List<Route> routes, Route unmatched) {
        this.routes = List.copyOf(routes);
        this.unmatched = unmatched;
    }

    /** The route for a path, and the path read as that route's address. */
    public Match match(String method, String rawPath, String query) {
        for (Route route : routes) {
            Address address = route.pattern().address(method, rawPath, query);
            if (address != null) {
                return new Match(route, address);
            }
        }
        return new Match(unmatched, unmatched.pattern().address(method, rawPath, query));
    }

    public List<Route> routes() {
        return routes;
    }

    public record Match(Route route, Address address) {}
}
