package io.renlayer.api.v1;

import io.renlayer.admin.audit.AuditRecord;
import io.renlayer.admin.audit.AuditTrail;
import io.renlayer.admin.audit.ChainVerification;
import io.renlayer.api.security.Access;
import io.renlayer.core.paging.Page;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The operator plane's own chain: tenants, routes, prices, signing keys, operator tokens. */
@Path("/api/v1/audit")
@RequestScoped
@Access(Access.Level.OPERATOR_ONLY)
@Produces(MediaType.APPLICATION_JSON)
public class OperatorAuditResource {

    @EJB
    private AuditTrail trail;

    @GET
    public Page<AuditRecord> list(
            @QueryParam("action") String action,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return trail.list(
                null,
                new AuditTrail.Filter(null, action, null, null, null, null),
                QueryParams.integer("limit", limit),
                cursor);
    }

    @GET
    @Path("verify")
    public ChainVerification verify() {
        return trail.verify(null);
    }
}
