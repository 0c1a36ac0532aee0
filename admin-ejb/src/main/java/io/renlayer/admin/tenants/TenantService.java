package io.renlayer.admin.tenants;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.audit.AuditLog;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.errors.NotFoundException;
import io.renlayer.core.limits.Limits;
import io.renlayer.core.paging.Cursor;
import io.renlayer.core.paging.Page;
import io.renlayer.core.paging.PageRequest;
import io.renlayer.core.tenants.PluginFailMode;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/** Tenants are created by platform operators; everything else hangs off one. */
@Stateless
public class TenantService {

    @PersistenceContext(unitName = "renlayer")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    public Tenant create(
            String name,
            PluginFailMode pluginFailMode,
            String redisFailMode,
            Limits limits,
            Integer traceRetentionDays,
            Actor actor) {
        actor.requireOperator();
        Tenant tenant = new Tenant(InvalidRequestException.requireText("name", name, 200), pluginFailMode);
        if (traceRetentionDays != null) {
            tenant.setTraceRetentionDays(traceRetentionDays);
        }
        if (redisFailMode != null) {
            tenant.setRedisFailMode(redisFailMode);
        }
        if (limits != null) {
            tenant.setLimits(limits);
        }
        em.persist(tenant);
        audit.record(tenant.getId(), actor.name(), "tenant.create", "tenant", tenant.getId());
        return tenant;
    }

    /** Changes what the request carries; null fields stay as they are. */
    public Tenant update(
            UUID tenantId,
            PluginFailMode pluginFailMode,
            String redisFailMode,
            Limits limits,
            Integer traceRetentionDays,
            Actor actor) {
        actor.requireOperator();
        Tenant tenant = require(tenantId);
        if (traceRetentionDays != null) {
            tenant.setTraceRetentionDays(traceRetentionDays);
        }
        if (pluginFailMode != null) {
            tenant.setPluginFailMode(pluginFailMode);
        }
        if (redisFailMode != null) {
            tenant.setRedisFailMode(redisFailMode);
        }
        if (limits != null) {
            tenant.setLimits(limits);
        }
        audit.record(tenantId, actor.name(), "tenant.update", "tenant", tenantId);
        return tenant;
    }

    /** Every tenant, newest first: the operator plane's view. */
    public Page<Tenant> list(PageRequest page) {
        StringBuilder jpql = new StringBuilder("select t from Tenant t");
        if (page.cursor() != null) {
            jpql.append(" where t.createdAt < :at or (t.createdAt = :at and t.id < :id)");
        }
        var query = em.createQuery(
                jpql.append(" order by t.createdAt desc, t.id desc").toString(), Tenant.class);
        if (page.cursor() != null) {
            query.setParameter("at", page.cursor().at())
                    .setParameter("id", page.cursor().id());
        }
        return Page.of(
                query.setMaxResults(page.fetchSize()).getResultList(),
                page,
                t -> new Cursor(t.getCreatedAt(), t.getId()));
    }

    /** The tenant, or {@link NotFoundException}. */
    public Tenant require(UUID tenantId) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null) {
            throw new NotFoundException("tenant");
        }
        return tenant;
    }
}
