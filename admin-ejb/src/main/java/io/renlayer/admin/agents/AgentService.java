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

    public Agent create(UUID tenantId, String name, Limits limits, String actor) {
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
        em.persist(agent);
        audit.record(tenantId, actor, "agent.create", "agent", agent.getId());
        return agent;
    }

    /** Replaces the agent's limits. */
    public Agent setLimits(UUID tenantId, UUID agentId, Limits limits, String actor) {
        Agent agent = require(tenantId, agentId);
        agent.setLimits(limits == null ? Limits.NONE : limits);
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
