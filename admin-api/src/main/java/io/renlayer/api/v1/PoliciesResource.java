package io.renlayer.api.v1;

import io.renlayer.admin.policies.PolicyDraft;
import io.renlayer.admin.policies.PolicyDryRun;
import io.renlayer.admin.policies.PolicyService;
import io.renlayer.api.security.Access;
import io.renlayer.core.json.Jsonp;
import io.renlayer.core.policies.PolicyDefinition;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * A tenant's policies: {@code {"name","priority","phase","enabled","conditions":{…},"action"}}.
 * Evaluated by ascending priority; FLAG and REDACT apply and continue, the first ALLOW or DENY ends.
 */
@Path("api/v1/tenants/{tenantId}/policies")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PoliciesResource {

    @EJB
    private PolicyService policies;

    @EJB
    private PolicyDryRun dryRun;

    @Context
    private SecurityContext caller;

    @POST
    public Response create(@PathParam("tenantId") UUID tenantId, JsonObject body) {
        PolicyDefinition created = policies.create(tenantId, PolicyDraft.from(body), Requests.actor(caller));
        return Response.status(201).entity(created.toJson()).build();
    }

    /**
     * In evaluation order (priority, then name); {@code phase}, {@code action} and {@code enabled}
     * filter. A tenant has tens of policies, so the page is cut from the ordered list.
     */
    @GET
    public JsonObject list(
            @PathParam("tenantId") UUID tenantId,
            @QueryParam("phase") String phase,
            @QueryParam("action") String action,
            @QueryParam("enabled") String enabled,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        PolicyPage page = PolicyPage.of(
                policies.list(tenantId), phase, action, enabled, QueryParams.integer("limit", limit), cursor);
        JsonArrayBuilder items = Jsonp.createArrayBuilder();
        page.items().forEach(p -> items.add(p.toJson()));
        JsonObjectBuilder result = Jsonp.createObjectBuilder().add("items", items);
        return (page.nextCursor() == null ? result.addNull("nextCursor") : result.add("nextCursor", page.nextCursor()))
                .build();
    }

    @GET
    @Path("{policyId}")
    public JsonObject get(@PathParam("tenantId") UUID tenantId, @PathParam("policyId") UUID policyId) {
        return policies.get(tenantId, policyId).toJson();
    }

    /** Replaces the policy; the stored version number goes up by one. */
    @PUT
    @Path("{policyId}")
    public JsonObject replace(
            @PathParam("tenantId") UUID tenantId, @PathParam("policyId") UUID policyId, JsonObject body) {
        return policies.update(tenantId, policyId, PolicyDraft.from(body), Requests.actor(caller))
                .toJson();
    }

    @DELETE
    @Path("{policyId}")
    public Response delete(@PathParam("tenantId") UUID tenantId, @PathParam("policyId") UUID policyId) {
        policies.delete(tenantId, policyId, Requests.actor(caller));
        return Response.noContent().build();
    }

    @GET
    @Path("{policyId}/versions")
    public JsonObject versions(@PathParam("tenantId") UUID tenantId, @PathParam("policyId") UUID policyId) {
        JsonArray versions = policies.versions(tenantId, policyId);
        return Jsonp.createObjectBuilder().add("items", versions).build();
    }

    /**
     * Replays the stored traces of a time range through the policies with the draft added (or
     * replacing the policy of the same name): {@code {"policy":{…},"from":"…","to":"…"}}.
     */
    @POST
    @Path("dry-run")
    @Access(Access.Level.READ)
    @Extension(name = "x-renlayer-access", value = "read")
    public JsonObject dryRun(@PathParam("tenantId") UUID tenantId, JsonObject body) {
        return dryRun.run(tenantId, body);
    }
}
