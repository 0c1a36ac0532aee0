package io.renlayer.api.v1;

import io.renlayer.admin.tenants.Tenant;
import io.renlayer.admin.tenants.TenantService;
import io.renlayer.api.security.Access;
import io.renlayer.core.limits.Limits;
import io.renlayer.core.paging.Page;
import io.renlayer.core.paging.PageRequest;
import io.renlayer.core.tenants.PluginFailMode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
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
import java.util.Locale;
import java.util.UUID;

@Access(Access.Level.OPERATOR)
@Path("api/v1/tenants")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TenantsResource {

    @EJB
    private TenantService tenants;

    @Context
    private SecurityContext caller;

    @POST
    public Response create(NewTenant request) {
        NewTenant body = Requests.required(request);
        Tenant tenant = tenants.create(
                body.name(),
                PluginFailMode.parse(body.pluginFailMode()),
                body.redisFailMode(),
                body.limits(),
                body.traceRetentionDays(),
                Requests.actor(caller));
        return Response.status(201).entity(TenantView.of(tenant)).build();
    }

    @GET
    @Access(Access.Level.OPERATOR_ONLY)
    public Page<TenantView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return tenants.list(PageRequest.of(QueryParams.integer("limit", limit), cursor))
                .map(TenantView::of);
    }

    /** A tenant's own users may read their tenant. */
    @GET
    @Path("{tenantId}")
    public TenantView get(@PathParam("tenantId") UUID tenantId) {
        return TenantView.of(tenants.require(tenantId));
    }

    /** Changes fail modes and limits; absent fields stay. */
    @PATCH
    @Path("{tenantId}")
    public TenantView update(@PathParam("tenantId") UUID tenantId, NewTenant change) {
        NewTenant body = Requests.required(change);
        return TenantView.of(tenants.update(
                tenantId,
                body.pluginFailMode() == null ? null : PluginFailMode.parse(body.pluginFailMode()),
                body.redisFailMode(),
                body.limits(),
                body.traceRetentionDays(),
                Requests.actor(caller)));
    }

    /**
     * {@code pluginFailMode}: {@code skip} (default) or {@code deny}; {@code redisFailMode}:
     * {@code open} (default, admit on local counters while Redis is away) or {@code closed};
     * {@code traceRetentionDays}: 1 to 3650, default 30.
     */
    public record NewTenant(
            String name, String pluginFailMode, String redisFailMode, Limits limits, Integer traceRetentionDays) {}

    public record TenantView(
            UUID id,
            String name,
            String pluginFailMode,
            String redisFailMode,
            Limits limits,
            int traceRetentionDays,
            Instant createdAt) {

        static TenantView of(Tenant tenant) {
            return new TenantView(
                    tenant.getId(),
                    tenant.getName(),
                    tenant.getPluginFailMode().name().toLowerCase(Locale.ROOT),
                    tenant.getRedisFailMode(),
                    tenant.getLimits(),
                    tenant.getTraceRetentionDays(),
                    tenant.getCreatedAt());
        }
    }
}
