package io.renlayer.api.v1;

import io.renlayer.admin.upstreams.Upstream;
import io.renlayer.admin.upstreams.UpstreamService;
import io.renlayer.admin.upstreams.UpstreamService.NewUpstream;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Upstream registrations. The credential goes in and is never returned. */
@Path("api/v1/tenants/{tenantId}/upstreams")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UpstreamsResource {

    @EJB
    private UpstreamService upstreams;

    @Context
    private SecurityContext caller;

    @POST
    public Response create(@PathParam("tenantId") UUID tenantId, NewUpstream request) {
        Upstream u = upstreams.create(tenantId, Requests.required(request), Requests.actor(caller));
        return Response.status(201).entity(new UpstreamView(u.getId(), u.getTenantId(), u.getName(), u.getProvider(),
                u.getBaseUrl(), u.getModels(), true, u.getConnectTimeoutMs(), u.getReadTimeoutMs(),
                u.getFallbackUpstreamId(), u.getCreatedAt())).build();
    }

    public record UpstreamView(UUID id, UUID tenantId, String name, String provider, String baseUrl,
            List<String> models, boolean credentialSet, int connectTimeoutMs, int readTimeoutMs,
            UUID fallbackUpstreamId, Instant createdAt) {}
}
