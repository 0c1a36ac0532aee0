package io.renlayer.api.v1;

import io.renlayer.admin.users.NewUser;
import io.renlayer.admin.users.PlatformUser;
import io.renlayer.admin.users.UserService;
import io.renlayer.api.security.Access;
import io.renlayer.core.paging.Page;
import io.renlayer.core.paging.PageRequest;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.UUID;

/** The tenant's users; owners manage them, everybody in the tenant may list them. */
@Path("api/v1/tenants/{tenantId}/users")
@RequestScoped
@Access(Access.Level.OWNER)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @EJB
    private UserService users;

    @Context
    private SecurityContext caller;

    @PathParam("tenantId")
    private UUID tenantId;

    /** {@code {"email","password","role","displayName"}}; the user enrols an authenticator at first sign-in. */
    @POST
    public Response create(NewUser request) {
        PlatformUser user = users.create(tenantId, Requests.required(request), Requests.actor(caller));
        return Response.status(201).entity(UserView.of(user)).build();
    }

    @GET
    public Page<UserView> list(
            @QueryParam("role") String role, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return users.list(tenantId, role, PageRequest.of(QueryParams.integer("limit", limit), cursor))
                .map(UserView::of);
    }

    @GET
    @Path("{userId}")
    public UserView get(@PathParam("userId") UUID userId) {
        return UserView.of(users.require(tenantId, userId));
    }

    @PATCH
    @Path("{userId}")
    public UserView update(@PathParam("userId") UUID userId, NewUser change) {
        return UserView.of(users.update(tenantId, userId, Requests.required(change), Requests.actor(caller)));
    }

    /** Forgets the user's authenticator; the next sign-in enrols a new one. */
    @POST
    @Path("{userId}/reset-otp")
    public UserView resetOtp(@PathParam("userId") UUID userId) {
        return UserView.of(users.resetOtp(tenantId, userId, Requests.actor(caller)));
    }

    @DELETE
    @Path("{userId}")
    public Response delete(@PathParam("userId") UUID userId) {
        users.delete(tenantId, userId, Requests.actor(caller));
        return Response.noContent().build();
    }

    public record UserView(
            UUID id,
            UUID tenantId,
            String email,
            String displayName,
            String role,
            boolean disabled,
            boolean otpEnrolled,
            Instant lastSignInAt,
            Instant createdAt,
            Instant updatedAt) {
        static UserView of(PlatformUser u) {
            return new UserView(
                    u.getId(),
                    u.getTenantId(),
                    u.getEmail(),
                    u.getDisplayName(),
                    u.getRole().claim(),
                    u.isDisabled(),
                    u.isOtpEnrolled(),
                    u.getLastSignInAt(),
                    u.getCreatedAt(),
                    u.getUpdatedAt());
        }
    }
}
