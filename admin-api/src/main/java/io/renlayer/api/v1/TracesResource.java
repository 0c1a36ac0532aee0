package io.renlayer.api.v1;

import io.renlayer.admin.tenants.TenantService;
import io.renlayer.admin.traces.TraceRecord;
import io.renlayer.admin.traces.TraceStore;
import io.renlayer.admin.errors.InvalidRequestException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** The tenant's traces, newest first. */
@Path("api/v1/tenants/{tenantId}/traces")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TracesResource {

    @EJB
    private TenantService tenants;

    @Inject
    private TraceStore traces;

    @GET
    public TracePage list(@PathParam("tenantId") UUID tenantId, @QueryParam("limit") @DefaultValue("50") int limit)
            throws SQLException {
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit", "limit must be between 1 and 1000");
        }
        tenants.require(tenantId);
        return new TracePage(traces.newest(tenantId, limit));
    }

    public record TracePage(List<TraceRecord> items) {}
}
