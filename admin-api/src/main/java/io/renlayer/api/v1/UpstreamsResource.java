package io.renlayer.api.v1;

import io.renlayer.admin.upstreams.Upstream;
import io.renlayer.admin.upstreams.UpstreamService;
import io.renlayer.admin.upstreams.UpstreamService.NewUpstream;
import io.renlayer.core.paging.Page;
import io.renlayer.core.paging.PageRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
        return Response.status(201).entity(UpstreamView.of(u)).build();
    }

    /** Newest first; {@code provider} narrows to one provider. Credentials are never returned. */
    @GET
    public Page<UpstreamView> list(
            @PathParam("tenantId") UUID tenantId,
            @QueryParam("provider") String provider,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return upstreams
                .list(tenantId, provider, PageRequest.of(QueryParams.integer("limit", limit), cursor))
                .map(UpstreamView::of);
    }

    @GET
    @Path("{upstreamId}")
    public UpstreamView get(@PathParam("tenantId") UUID tenantId, @PathParam("upstreamId") UUID upstreamId) {
        return UpstreamView.of(upstreams.require(tenantId, upstreamId));
    }

    /** Changes what the body carries; {@code credential} replaces the stored one (write-only). */
    @PATCH
    @Path("{upstreamId}")
    public UpstreamView update(
            @PathParam("tenantId") UUID tenantId, @PathParam("upstreamId") UUID upstreamId, UpstreamChange change) {
        UpstreamChange body = Requests.required(change);
        return UpstreamView.of(upstreams.update(
                tenantId,
                upstreamId,
                new NewUpstream(
                        body.name(),
                        body.provider(),
                        body.baseUrl(),
                        body.credential(),
                        body.models(),
                        body.connectTimeoutMs(),
                        body.readTimeoutMs(),
                        body.fallbackUpstreamId(),
                        body.settings()),
                body.enabled(),
                Requests.actor(caller)));
    }

    @DELETE
    @Path("{upstreamId}")
    public Response delete(@PathParam("tenantId") UUID tenantId, @PathParam("upstreamId") UUID upstreamId) {
        upstreams.delete(tenantId, upstreamId, Requests.actor(caller));
        return Response.noContent().build();
    }

    public record UpstreamChange(
            String name,
            String provider,
            String baseUrl,
            String credential,
            List<String> models,
            Integer connectTimeoutMs,
            Integer readTimeoutMs,
            UUID fallbackUpstreamId,
            Boolean enabled,
            Map<String, String> settings) {
        @Override
        public String toString() {
            return "UpstreamChange[name=" + name + ", credential=***]";
        }
    }

    public record UpstreamView(
            UUID id,
            UUID tenantId,
            String name,
            String provider,
            String baseUrl,
            List<String> models,
            boolean credentialSet,
            boolean enabled,
            int connectTimeoutMs,
            int readTimeoutMs,
            UUID fallbackUpstreamId,
            Map<String, String> settings,
            Instant createdAt) {
        static UpstreamView of(Upstream u) {
            return new UpstreamView(
                    u.getId(),
                    u.getTenantId(),
                    u.getName(),
                    u.getProvider(),
                    u.getBaseUrl(),
                    u.getModels(),
                    true,
                    u.isEnabled(),
                    u.getConnectTimeoutMs(),
                    u.getReadTimeoutMs(),
                    u.getFallbackUpstreamId(),
                    u.getSettings(),
                    u.getCreatedAt());
        }
    }
}
