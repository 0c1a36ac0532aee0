package io.renlayer.api.v1;

import io.renlayer.admin.projects.Project;
import io.renlayer.admin.projects.ProjectService;
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

/** Projects group a tenant's agents; agents join one with {@code projectId}. */
@Path("api/v1/tenants/{tenantId}/projects")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProjectsResource {

    @EJB
    private ProjectService projects;

    @Context
    private SecurityContext caller;

    @PathParam("tenantId")
    private UUID tenantId;

    @POST
    public Response create(NewProject request) {
        Project project = projects.create(tenantId, Requests.required(request).name(), Requests.actor(caller));
        return Response.status(201).entity(ProjectView.of(project)).build();
    }

    @GET
    public Page<ProjectView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return projects.list(tenantId, PageRequest.of(QueryParams.integer("limit", limit), cursor))
                .map(ProjectView::of);
    }

    @GET
    @Path("{projectId}")
    public ProjectView get(@PathParam("projectId") UUID projectId) {
        return ProjectView.of(projects.require(tenantId, projectId));
    }

    @PATCH
    @Path("{projectId}")
    public ProjectView rename(@PathParam("projectId") UUID projectId, NewProject change) {
        return ProjectView.of(
                projects.rename(tenantId, projectId, Requests.required(change).name(), Requests.actor(caller)));
    }

    /** Its agents stay, without a project. */
    @DELETE
    @Path("{projectId}")
    public Response delete(@PathParam("projectId") UUID projectId) {
        projects.delete(tenantId, projectId, Requests.actor(caller));
        return Response.noContent().build();
    }

    public record NewProject(String name) {}

    public record ProjectView(UUID id, UUID tenantId, String name, Instant createdAt) {
        static ProjectView of(Project p) {
            return new ProjectView(p.getId(), p.getTenantId(), p.getName(), p.getCreatedAt());
        }
    }
}
