package io.renlayer.api.v1;

import io.renlayer.admin.identity.IdentityProviderDraft;
import io.renlayer.admin.identity.IdentityProviderRegistry;
import io.renlayer.admin.identity.IdentityProviderView;
import io.renlayer.api.security.Access;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tenant's OpenID Connect providers: whose tokens the API and the proxy accept, and which of
 * its groups give which role. Who gets in is the owners' decision, like users.
 */
@Path("api/v1/tenants/{tenantId}/identity-providers")
@RequestScoped
@Access(Access.Level.OWNER)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class IdentityProvidersResource {

    @EJB
    private IdentityProviderRegistry providers;

    @Context
    private SecurityContext caller;

    @PathParam("tenantId")
    private UUID tenantId;

    @POST
    public Response register(IdentityProviderDraft draft) {
        IdentityProviderView view = providers.register(tenantId, Requests.required(draft), Requests.actor(caller));
        return Response.status(201).entity(view).build();
    }

    @GET
    public Map<String, List<IdentityProviderView>> list() {
        return Map.of("items", providers.list(tenantId));
    }

    @GET
    @Path("{providerId}")
    public IdentityProviderView get(@PathParam("providerId") UUID providerId) {
        return providers.require(tenantId, providerId);
    }

    @PATCH
    @Path("{providerId}")
    public IdentityProviderView update(@PathParam("providerId") UUID providerId, IdentityProviderDraft draft) {
        return providers.update(tenantId, providerId, Requests.required(draft), Requests.actor(caller));
    }

    @DELETE
    @Path("{providerId}")
    public Response delete(@PathParam("providerId") UUID providerId) {
        providers.delete(tenantId, providerId, Requests.actor(caller));
        return Response.noContent().build();
    }
}
