package io.renlayer.admin.agents;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.audit.AuditLog;
import io.renlayer.admin.jpa.JpaPages;
import io.renlayer.admin.tenants.TenantService;
import io.renlayer.core.errors.ConflictException;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.errors.NotFoundException;
import io.renlayer.core.limits.Limits;
import io.renlayer.core.paging.Page;
import io.renlayer.core.paging.PageRequest;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Agents of one tenant; every method is scoped by the caller's tenant. */
@Stateless
public class AgentService {

    @PersistenceContext(unitName = "renlayer")
    private EntityManager em;

    @EJB
    private TenantService tenants;

    @EJB
    private AuditLog audit;

    public Agent create(UUID tenantId, String name, Limits limits, List<String> allowedTools, Actor actor) {
        actor.requireMayChange(tenantId);
        return create(tenantId, name, null, limits, allowedTools, actor);
    }

    public Agent create(
            UUID tenantId, String name, UUID projectId, Limits limits, List<String> allowedTools, Actor actor) {
        actor.requireMayChange(tenantId);
        tenants.require(tenantId);
        String checkedName = InvalidRequestException.requireText("name", name, 200);
        long taken = em.createNamedQuery("Agent.countByTenantAndName", Long.class)
                .setParameter("tenantId", tenantId)
                .setParameter("name", checkedName)
                .getSingleResult();
        if (taken > 0) {
            throw new ConflictException("an agent named '" + checkedName + "' already exists");
        }
        Agent agent = new Agent(tenantId, checkedName);
        agent.setProjectId(checkProject(tenantId, projectId));
        if (limits != null) {
            agent.setLimits(limits);
        }
        if (allowedTools != null) {
            agent.setAllowedTools(ToolPatterns.checked(allowedTools));
        }
        em.persist(agent);
        audit.record(tenantId, actor.name(), "agent.create", "agent", agent.getId(), null, agent.auditState());
        return agent;
    }

    /**
     * Changes what the request names: the agent's limits (replaced whole), its MCP tool allow-list,
     * or both; a null leaves that part as it is.
     */
    public Agent update(UUID tenantId, UUID agentId, Limits limits, List<String> allowedTools, Actor actor) {
        actor.requireMayChange(tenantId);
        return update(tenantId, agentId, null, limits, allowedTools, actor);
    }

    /** As {@link #update(UUID, UUID, Limits, List, String)}, also moving the agent to a project when one is named. */
    public Agent update(
            UUID tenantId, UUID agentId, UUID projectId, Limits limits, List<String> allowedTools, Actor actor) {
        actor.requireMayChange(tenantId);
        Agent agent = require(tenantId, agentId);
        Map<String, Object> before = agent.auditState();
        if (projectId != null) {
            agent.setProjectId(checkProject(tenantId, projectId));
        }
        if (limits != null) {
            agent.setLimits(limits);
        }
        if (allowedTools != null) {
            agent.setAllowedTools(ToolPatterns.checked(allowedTools));
        }
        audit.record(tenantId, actor.name(), "agent.update", "agent", agentId, before, agent.auditState());
        return agent;
    }

    /** The tenant's agents, newest first; {@code name} filters by a case-insensitive substring. */
    public Page<Agent> list(UUID tenantId, String name, UUID projectId, PageRequest page) {
        tenants.require(tenantId);
        List<String> filters = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (name != null && !name.isBlank()) {
            filters.add("lower(e.name) like :name");
            params.put("name", "%" + name.strip().toLowerCase(Locale.ROOT).replace("%", "\\%") + "%");
        }
        if (projectId != null) {
            filters.add("e.projectId = :projectId");
            params.put("projectId", projectId);
        }
        return JpaPages.page(
                em,
                Agent.class,
                tenantId,
                String.join(" and ", filters),
                params,
                page,
                Agent::getCreatedAt,
                Agent::getId);
    }

    /** Deletes the agent and, with it, its keys: their traffic stops on every node within a second. */
    public void delete(UUID tenantId, UUID agentId, Actor actor) {
        actor.requireMayChange(tenantId);
        Agent agent = require(tenantId, agentId);
        Map<String, Object> before = agent.auditState();
        em.remove(agent);
        audit.record(tenantId, actor.name(), "agent.delete", "agent", agentId, before, null);
    }

    private UUID checkProject(UUID tenantId, UUID projectId) {
        if (projectId == null) {
            return null;
        }
        long found = em.createQuery(
                        "select count(p) from Project p where p.tenantId = :tenantId and p.id = :id", Long.class)
                .setParameter("tenantId", tenantId)
                .setParameter("id", projectId)
                .getSingleResult();
        if (found == 0) {
            throw new InvalidRequestException("projectId", "no such project in this tenant");
        }
        return projectId;
    }

    /** The tenant's agent, or {@link NotFoundException}; another tenant's agent is not found. */
    public Agent require(UUID tenantId, UUID agentId) {
        return em.createNamedQuery("Agent.byTenantAndId", Agent.class)
                .setParameter("tenantId", tenantId)
                .setParameter("id", agentId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("agent"));
    }
}
