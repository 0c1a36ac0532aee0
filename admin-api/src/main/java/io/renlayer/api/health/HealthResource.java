package io.renlayer.api.health;

import io.renlayer.admin.runtime.Readiness;
import io.renlayer.api.security.Access;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Liveness and readiness for load balancers and orchestrators. Unauthenticated, secret-free. */
@Access(Access.Level.PUBLIC)
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    private Readiness readiness;

    /** The process is up and serving HTTP. */
    @GET
    @Path("healthz")
    public Map<String, String> healthz() {
        return Map.of("status", "ok");
    }

    /** 200 when every dependency is usable, 503 otherwise; the body says which is not. */
    @GET
    @Path("readyz")
    public Response readyz() {
        Readiness.Report report = readiness.check();
        return Response.status(report.ready() ? 200 : 503).entity(report).build();
    }
}
