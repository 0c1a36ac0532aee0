package io.renlayer.api.v1;

import io.renlayer.admin.auth.OperatorToken;
import io.renlayer.admin.auth.OperatorTokenService;
import io.renlayer.api.security.Access;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Named operator tokens: created and rotated (the value shown once), listed, revoked; all audited. */
@Path("/api/v1/operator-tokens")
@RequestScoped
@Access(Access.Level.OPERATOR_ONLY)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OperatorTokensResource {

    @EJB
    private OperatorTokenService tokens;

    @Context
    private SecurityContext caller;

    public record NewOperatorToken(String name) {}

    public record TokenView(UUID id, String name, Instant createdAt, Instant revokedAt) {
        static TokenView of(OperatorToken t) {
            return new TokenView(t.getId(), t.getName(), t.getCreatedAt(), t.getRevokedAt());
        }
    }

    /** The value is in this answer only; afterwards only its hash exists. */
    public record IssuedView(UUID id, String name, Instant createdAt, String token) {
        static IssuedView of(OperatorTokenService.Issued issued) {
            return new IssuedView(
                    issued.token().getId(),
                    issued.token().getName(),
                    issued.token().getCreatedAt(),
                    issued.value());
        }
    }

    @POST
    public Response create(NewOperatorToken request) {
        NewOperatorToken body = Requests.required(request);
        return Response.status(201)
                .entity(IssuedView.of(tokens.create(body.name(), Requests.actor(caller))))
                .build();
    }

    @GET
    public List<TokenView> list() {
        return tokens.list().stream().map(TokenView::of).toList();
    }

    @POST
    @Path("{id}/rotate")
    public Response rotate(@PathParam("id") UUID id) {
        return Response.status(201)
                .entity(IssuedView.of(tokens.rotate(id, Requests.actor(caller))))
                .build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") UUID id) {
        tokens.revoke(id, Requests.actor(caller));
        return Response.noContent().build();
    }
}
