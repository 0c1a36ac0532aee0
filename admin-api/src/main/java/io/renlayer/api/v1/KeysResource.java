package io.renlayer.api.v1;

import io.renlayer.admin.keys.ApiKey;
import io.renlayer.admin.keys.KeyService;
import io.renlayer.admin.keys.KeyService.CreatedKey;
import io.renlayer.admin.keys.KeyService.KeyChange;
import io.renlayer.admin.keys.OAuthClientBinding;
import io.renlayer.core.keys.KeyScopes;
import io.renlayer.core.keys.VirtualKey;
import io.renlayer.core.limits.Limits;
import io.renlayer.core.paging.Page;
import io.renlayer.core.paging.PageRequest;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Virtual keys. The raw key appears only in the responses to create and rotate. A key created with
 * {@code oauthClient} has no secret: its agent presents that client's access tokens.
 */
@Path("api/v1/tenants/{tenantId}/keys")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    @EJB
    private KeyService keys;

    @Context
    private SecurityContext caller;

    @PathParam("tenantId")
    private UUID tenantId;

    @POST
    public Response create(KeyChange request) {
        CreatedKey created = keys.create(tenantId, Requests.required(request), Requests.actor(caller));
        return Response.status(201)
                .header("Cache-Control", "no-store")
                .entity(CreatedKeyView.of(created))
                .build();
    }

    /** Newest first; {@code agentId} narrows to one agent's keys. */
    @GET
    public Page<KeyView> list(
            @QueryParam("agentId") String agentId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return keys.list(
                        tenantId,
                        QueryParams.uuid("agentId", agentId),
                        PageRequest.of(QueryParams.integer("limit", limit), cursor))
                .map(KeyView::of);
    }

    @GET
    @Path("{id}")
    public KeyView get(@PathParam("id") UUID id) {
        return KeyView.of(keys.find(tenantId, id));
    }

    @PATCH
    @Path("{id}")
    public KeyView update(@PathParam("id") UUID id, KeyChange change) {
        return KeyView.of(keys.update(tenantId, id, Requests.required(change), Requests.actor(caller)));
    }

    /** A new secret under the same prefix; the old one works for {@code graceSeconds} more (default a day). */
    @POST
    @Path("{id}/rotate")
    public Response rotate(@PathParam("id") UUID id, @QueryParam("graceSeconds") Long graceSeconds) {
        CreatedKey rotated = keys.rotate(
                tenantId, id, graceSeconds == null ? null : Duration.ofSeconds(graceSeconds), Requests.actor(caller));
        return Response.ok(CreatedKeyView.of(rotated))
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("{id}/disable")
    public KeyView disable(@PathParam("id") UUID id) {
        return KeyView.of(keys.disable(tenantId, id, Requests.actor(caller)));
    }

    @POST
    @Path("{id}/enable")
    public KeyView enable(@PathParam("id") UUID id) {
        return KeyView.of(keys.enable(tenantId, id, Requests.actor(caller)));
    }

    @POST
    @Path("{id}/revoke")
    public KeyView revoke(@PathParam("id") UUID id) {
        return KeyView.of(keys.revoke(tenantId, id, Requests.actor(caller)));
    }

    /** A key as listed: never its secret. */
    public record KeyView(
            UUID id,
            UUID tenantId,
            UUID agentId,
            String name,
            String displayKey,
            String status,
            Instant expiresAt,
            Instant revokedAt,
            Instant previousSecretValidUntil,
            List<String> allowedRoutes,
            List<String> allowedModels,
            List<String> allowedProviders,
            List<String> allowedMethods,
            boolean streaming,
            Limits limits,
            OAuthClientBinding oauthClient,
            Instant createdAt,
            Instant updatedAt) {

        static KeyView of(ApiKey k) {
            KeyScopes s = k.getScopes();
            return new KeyView(
                    k.getId(),
                    k.getTenantId(),
                    k.getAgentId(),
                    k.getName(),
                    VirtualKey.redacted(k.getPrefix()),
                    k.status(),
                    k.getExpiresAt(),
                    k.getRevokedAt(),
                    k.getPreviousValidUntil(),
                    s.allowedRoutes(),
                    s.allowedModels(),
                    s.allowedProviders(),
                    s.allowedMethods(),
                    s.streaming(),
                    k.getLimits(),
                    k.getOAuthClient(),
                    k.getCreatedAt(),
                    k.getUpdatedAt());
        }
    }

    /** The create and rotate answer: the raw {@code key} appears here and nowhere else, ever. */
    public record CreatedKeyView(
            UUID id,
            UUID tenantId,
            UUID agentId,
            String name,
            String displayKey,
            String key,
            OAuthClientBinding oauthClient,
            Instant expiresAt,
            Instant previousSecretValidUntil,
            Instant createdAt) {

        static CreatedKeyView of(CreatedKey created) {
            ApiKey k = created.key();
            return new CreatedKeyView(
                    k.getId(),
                    k.getTenantId(),
                    k.getAgentId(),
                    k.getName(),
                    VirtualKey.redacted(k.getPrefix()),
                    created.rawKey(),
                    k.getOAuthClient(),
                    k.getExpiresAt(),
                    k.getPreviousValidUntil(),
                    k.getCreatedAt());
        }
    }
}
