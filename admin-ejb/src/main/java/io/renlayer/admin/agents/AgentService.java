package io.renlayer.admin.agents;

import io.renlayer.admin.audit.AuditLog;
import io.renlayer.admin.errors.ConflictException;
import io.renlayer.admin.errors.InvalidRequestException;
import io.renlayer.admin.errors.NotFoundException;
import io.renlayer.admin.limits.Limits;
import io.renlayer.admin.tenants.TenantService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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

    public Agent create(UUID tenantId, String name, Limits limits, List<String> allowedTools, String actor) {
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
        if (limits != null) {
            agent.setLimits(limits);
        }
        if (allowedTools != null) {
            agent.setAllowedTools(ToolPatterns.checked(allowedTools));
        }
        em.persist(agent);
        audit.record(tenantId, actor, "agent.create", "agent", agent.getId());
        return agent;
    }

    /**
     * Changes what the request names: the agent's limits (replaced whole), its MCP tool allow-list,
     * or both; a null leaves that part as it is.
     */
    public Agent update(UUID tenantId, UUID agentId, Limits limits, List<String> allowedTools, String actor) {
        Agent agent = require(tenantId, agentId);
        if (limits != null) {
            agent.setLimits(limits);
        }
        if (allowedTools != null) {
            agent.setAllowedTools(ToolPatterns.checked(allowedTools));
        }
        audit.record(tenantId, actor, "agent.update", "agent", agentId);
        return agent;
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
