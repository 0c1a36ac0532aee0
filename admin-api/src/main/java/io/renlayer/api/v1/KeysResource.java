package io.renlayer.api.v1;

import io.renlayer.admin.keys.ApiKey;
import io.renlayer.admin.keys.KeyService;
import io.renlayer.admin.keys.KeyService.CreatedKey;
import io.renlayer.admin.keys.VirtualKey;
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
import java.util.UUID;

/** Virtual keys. The raw key appears in the create response only. */
@Path("api/v1/tenants/{tenantId}/keys")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    @EJB
    private KeyService keys;

    @Context
    private SecurityContext caller;

    @POST
    public Response create(@PathParam("tenantId") UUID tenantId, NewKey request) {
        NewKey body = Requests.required(request);
        CreatedKey created = keys.create(tenantId, body.agentId(), body.name(), body.expiresAt(), Requests.actor(caller));
        ApiKey k = created.key();
        return Response.status(201).header("Cache-Control", "no-store")
                .entity(new CreatedKeyView(k.getId(), k.getTenantId(), k.getAgentId(), k.getName(),
                        VirtualKey.redacted(k.getPrefix()), created.rawKey(), k.getExpiresAt(), k.getCreatedAt()))
                .build();
    }

    public record NewKey(UUID agentId, String name, Instant expiresAt) {}

    public record CreatedKeyView(UUID id, UUID tenantId, UUID agentId, String name, String displayKey, String key,
            Instant expiresAt, Instant createdAt) {}
}
