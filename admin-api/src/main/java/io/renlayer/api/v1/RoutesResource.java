package io.renlayer.api.v1;

import io.renlayer.admin.routes.RouteSwitchService;
import io.renlayer.admin.routes.RouteSwitchService.RouteSwitch;
import io.renlayer.api.security.Access;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** Operator switches for proxy routes: {@code PUT {"route":"/v1/embeddings","enabled":false}}. */
@Access(Access.Level.OPERATOR)
@Path("api/v1/routes")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RoutesResource {

    @EJB
    private RouteSwitchService routes;

    @Context
    private SecurityContext caller;

    @GET
    public RouteList list() {
        return new RouteList(routes.list());
    }

    @PUT
    public RouteSwitch set(RouteSwitch change) {
        RouteSwitch body = Requests.required(change);
        return routes.set(body.route(), body.enabled(), Requests.actor(caller));
    }

    public record RouteList(List<RouteSwitch> items) {}
}
