package io.renlayer.api.v1;

import io.renlayer.admin.services.ServiceRegistry;
import io.renlayer.admin.services.ServiceRegistry.NewService;
import io.renlayer.admin.services.ServiceRegistry.ServiceView;
import io.renlayer.core.paging.Page;
import io.renlayer.core.paging.PageRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;

/** Registered services, reached by agents at {@code /services/<name>/...} on the proxy. */
@Path("api/v1/tenants/{tenantId}/services")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ServicesResource {

    @EJB
    private ServiceRegistry services;

    @Context
    private SecurityContext caller;

    @POST
    public Response register(@PathParam("tenantId") UUID tenantId, NewService request) {
        ServiceView view = services.register(tenantId, Requests.required(request), Requests.actor(caller));
        return Response.status(201).entity(view).build();
    }

    @GET
    public Page<ServiceView> list(
            @PathParam("tenantId") UUID tenantId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return services.list(tenantId, PageRequest.of(QueryParams.integer("limit", limit), cursor));
    }

    @GET
    @Path("{serviceId}")
    public ServiceView get(@PathParam("tenantId") UUID tenantId, @PathParam("serviceId") UUID serviceId) {
        return services.require(tenantId, serviceId);
    }

    @DELETE
    @Path("{serviceId}")
    public Response delete(@PathParam("tenantId") UUID tenantId, @PathParam("serviceId") UUID serviceId) {
        services.delete(tenantId, serviceId, Requests.actor(caller));
        return Response.noContent().build();
    }
}
