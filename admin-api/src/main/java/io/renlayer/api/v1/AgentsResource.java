package io.renlayer.api.v1;

import io.renlayer.admin.agents.Agent;
import io.renlayer.admin.agents.AgentService;
import io.renlayer.admin.limits.Limits;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
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

@Path("api/v1/tenants/{tenantId}/agents")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AgentsResource {

    @EJB
    private AgentService agents;

    @Context
    private SecurityContext caller;

    @POST
    public Response create(@PathParam("tenantId") UUID tenantId, NewAgent request) {
        NewAgent body = Requests.required(request);
        Agent agent = agents.create(tenantId, body.name(), body.limits(), Requests.actor(caller));
        return Response.status(201)
                .entity(new AgentView(agent.getId(), agent.getTenantId(), agent.getName(), agent.getLimits(),
                        agent.getCreatedAt()))
                .build();
    }

    /** Replaces the agent's limits: {@code {"limits":{...}}}. */
    @PATCH
    @Path("{agentId}")
    public AgentView update(@PathParam("tenantId") UUID tenantId, @PathParam("agentId") UUID agentId, NewAgent change) {
        Agent agent = agents.setLimits(tenantId, agentId, Requests.required(change).limits(), Requests.actor(caller));
        return new AgentView(agent.getId(), agent.getTenantId(), agent.getName(), agent.getLimits(), agent.getCreatedAt());
    }

    public record NewAgent(String name, Limits limits) {}

    public record AgentView(UUID id, UUID tenantId, String name, Limits limits, Instant createdAt) {}
}
