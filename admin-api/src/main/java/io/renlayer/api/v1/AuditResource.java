package io.renlayer.api.v1;

import io.renlayer.admin.audit.AuditRecord;
import io.renlayer.admin.audit.AuditTrail;
import io.renlayer.admin.audit.ChainVerification;
import io.renlayer.admin.tenants.TenantService;
import io.renlayer.core.paging.Page;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** A tenant's audit log, newest first, and the verification of its hash chain. */
@Path("api/v1/tenants/{tenantId}/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @EJB
    private AuditTrail trail;

    @EJB
    private TenantService tenants;

    @PathParam("tenantId")
    private UUID tenantId;

    @GET
    public Page<AuditRecord> list(
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("targetType") String targetType,
            @QueryParam("targetId") String targetId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        tenants.require(tenantId);
        return trail.list(
                tenantId,
                new AuditTrail.Filter(
                        actor,
                        action,
                        targetType,
                        targetId,
                        QueryParams.instant("from", from),
                        QueryParams.instant("to", to)),
                QueryParams.integer("limit", limit),
                cursor);
    }

    /** Recomputes every entry's hash and link; {@code valid:false} names the first broken entry. */
    @GET
    @Path("verify")
    public ChainVerification verify() {
        tenants.require(tenantId);
        return trail.verify(tenantId);
    }
}
