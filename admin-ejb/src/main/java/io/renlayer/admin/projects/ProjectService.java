package io.renlayer.admin.projects;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.audit.AuditLog;
import io.renlayer.admin.jpa.JpaPages;
import io.renlayer.admin.jpa.TenantRows;
import io.renlayer.admin.tenants.TenantService;
import io.renlayer.core.errors.ConflictException;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.paging.Page;
import io.renlayer.core.paging.PageRequest;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.UUID;

/** Projects of one tenant; deleting one leaves its agents without a project. */
@Stateless
public class ProjectService {

    @PersistenceContext(unitName = "renlayer")
    private EntityManager em;

    @EJB
    private TenantService tenants;

    @EJB
    private AuditLog audit;

    public Project create(UUID tenantId, String name, Actor actor) {
        actor.requireMayChange(tenantId);
        tenants.require(tenantId);
        Project project = new Project(tenantId, uniqueName(tenantId, name));
        em.persist(project);
        audit.record(tenantId, actor.name(), "project.create", "project", project.getId(), null, project.auditState());
        return project;
    }

    public Page<Project> list(UUID tenantId, PageRequest page) {
        tenants.require(tenantId);
        return JpaPages.page(em, Project.class, tenantId, null, Map.of(), page, Project::getCreatedAt, Project::getId);
    }

    public Project require(UUID tenantId, UUID projectId) {
        return TenantRows.require(em, Project.class, tenantId, projectId, "project");
    }

    public Project rename(UUID tenantId, UUID projectId, String name, Actor actor) {
        actor.requireMayChange(tenantId);
        Project project = require(tenantId, projectId);
        Map<String, Object> before = project.auditState();
        String checked = InvalidRequestException.requireText("name", name, 200);
        if (!checked.equals(project.getName())) {
            project.rename(uniqueName(tenantId, checked));
        }
        audit.record(tenantId, actor.name(), "project.update", "project", projectId, before, project.auditState());
        return project;
    }

    public void delete(UUID tenantId, UUID projectId, Actor actor) {
        actor.requireMayChange(tenantId);
        Project project = require(tenantId, projectId);
        em.remove(project);
        audit.record(tenantId, actor.name(), "project.delete", "project", projectId, project.auditState(), null);
    }

    private String uniqueName(UUID tenantId, String name) {
        String checked = InvalidRequestException.requireText("name", name, 200);
        long taken = em.createNamedQuery("Project.countByTenantAndName", Long.class)
                .setParameter("tenantId", tenantId)
                .setParameter("name", checked)
                .getSingleResult();
        if (taken > 0) {
            throw new ConflictException("a project named '" + checked + "' already exists");
        }
        return checked;
    }
}
