package io.renlayer.api.v1;

import io.renlayer.admin.tenants.TenantService;
import io.renlayer.core.errors.NotFoundException;
import io.renlayer.core.paging.Page;
import io.renlayer.core.paging.PageRequest;
import io.renlayer.core.traces.TraceFilter;
import io.renlayer.core.traces.TraceRecord;
import io.renlayer.core.traces.TraceSession;
import io.renlayer.core.traces.TraceStore;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * The tenant's traces: filtered lists (newest first, without bodies), sessions, and one trace with
 * its redacted request and response.
 */
@Path("api/v1/tenants/{tenantId}/traces")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TracesResource {

    @EJB
    private TenantService tenants;

    @Inject
    private TraceStore traces;

    @PathParam("tenantId")
    private UUID tenantId;

    @GET
    public Page<TraceRecord> list(
            @BeanParam TraceQueryParams query, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        tenants.require(tenantId);
        return traces.query(tenantId, query.filter(), PageRequest.of(QueryParams.integer("limit", limit), cursor));
    }

    /** Traces grouped by session id, the most recently active session first. */
    @GET
    @Path("sessions")
    public Page<TraceSession> sessions(
            @BeanParam TraceQueryParams query, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        tenants.require(tenantId);
        return traces.sessions(
                tenantId,
                query.filter(),
                PageRequest.of(QueryParams.integer("limit", limit), null),
                cursor == null || cursor.isBlank() ? null : cursor);
    }

    @GET
    @Path("{traceId}")
    public TraceRecord get(@PathParam("traceId") UUID traceId) {
        return traces.find(tenantId, traceId).orElseThrow(() -> new NotFoundException("trace"));
    }

    /** The filters every trace query takes. */
    public static class TraceQueryParams {
        @QueryParam("from")
        String from;

        @QueryParam("to")
        String to;

        @QueryParam("agentId")
        String agentId;

        @QueryParam("keyId")
        String keyId;

        @QueryParam("model")
        String model;

        @QueryParam("status")
        String status;

        @QueryParam("decision")
        String decision;

        @QueryParam("findingType")
        String findingType;

        @QueryParam("sessionId")
        String sessionId;

        TraceFilter filter() {
            return new TraceFilter(
                    QueryParams.instant("from", from),
                    QueryParams.instant("to", to),
                    QueryParams.uuid("agentId", agentId),
                    QueryParams.uuid("keyId", keyId),
                    model,
                    status,
                    decision,
                    findingType,
                    sessionId);
        }
    }
}
