package io.renlayer.api.v1;

import io.renlayer.admin.agents.Agent;
import io.renlayer.admin.agents.AgentService;
import io.renlayer.core.limits.Limits;
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
import java.util.List;
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
        Agent agent = agents.create(
                tenantId, body.name(), body.projectId(), body.limits(), body.allowedTools(), Requests.actor(caller));
        return Response.status(201).entity(AgentView.of(agent)).build();
    }

    /**
     * Replaces the agent's limits ({@code {"limits":{...}}}), its MCP tool allow-list
     * ({@code {"allowedTools":["echo","get-*"]}}), or both; what the body leaves out is kept.
     */
    @PATCH
    @Path("{agentId}")
    public AgentView update(@PathParam("tenantId") UUID tenantId, @PathParam("agentId") UUID agentId, NewAgent change) {
        NewAgent body = Requests.required(change);
        return AgentView.of(agents.update(
                tenantId, agentId, body.projectId(), body.limits(), body.allowedTools(), Requests.actor(caller)));
    }

    /** Newest first; {@code name} matches a substring, {@code projectId} one project's agents. */
    @GET
    public Page<AgentView> list(
            @PathParam("tenantId") UUID tenantId,
            @QueryParam("name") String name,
            @QueryParam("projectId") String projectId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return agents.list(
                        tenantId,
                        name,
                        QueryParams.uuid("projectId", projectId),
                        PageRequest.of(QueryParams.integer("limit", limit), cursor))
                .map(AgentView::of);
    }

    @GET
    @Path("{agentId}")
    public AgentView get(@PathParam("tenantId") UUID tenantId, @PathParam("agentId") UUID agentId) {
        return AgentView.of(agents.require(tenantId, agentId));
    }

    /** Deletes the agent and its keys. */
    @DELETE
    @Path("{agentId}")
    public Response delete(@PathParam("tenantId") UUID tenantId, @PathParam("agentId") UUID agentId) {
        agents.delete(tenantId, agentId, Requests.actor(caller));
        return Response.noContent().build();
    }

    public record NewAgent(String name, UUID projectId, Limits limits, List<String> allowedTools) {}

    public record AgentView(
            UUID id,
            UUID tenantId,
            String name,
            UUID projectId,
            Limits limits,
            List<String> allowedTools,
            Instant createdAt) {
        static AgentView of(Agent agent) {
            return new AgentView(
                    agent.getId(),
                    agent.getTenantId(),
                    agent.getName(),
                    agent.getProjectId(),
                    agent.getLimits(),
                    agent.getAllowedTools(),
                    agent.getCreatedAt());
        }
    }
}
