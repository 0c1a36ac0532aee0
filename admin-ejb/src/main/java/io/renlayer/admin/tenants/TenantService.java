package io.renlayer.admin.tenants;

import io.renlayer.admin.audit.AuditLog;
import io.renlayer.admin.errors.InvalidRequestException;
import io.renlayer.admin.errors.NotFoundException;
import io.renlayer.admin.limits.Limits;
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

    public Tenant create(String name, PluginFailMode pluginFailMode, String redisFailMode, Limits limits, String actor) {
        Tenant tenant = new Tenant(InvalidRequestException.requireText("name", name, 200), pluginFailMode);
        if (redisFailMode != null) {
            tenant.setRedisFailMode(redisFailMode);
        }
        if (limits != null) {
            tenant.setLimits(limits);
        }
        em.persist(tenant);
        audit.record(tenant.getId(), actor, "tenant.create", "tenant", tenant.getId());
        return tenant;
    }

    /** Changes what the request carries; null fields stay as they are. */
    public Tenant update(UUID tenantId, PluginFailMode pluginFailMode, String redisFailMode, Limits limits, String actor) {
        Tenant tenant = require(tenantId);
        if (pluginFailMode != null) {
            tenant.setPluginFailMode(pluginFailMode);
        }
        if (redisFailMode != null) {
            tenant.setRedisFailMode(redisFailMode);
        }
        if (limits != null) {
            tenant.setLimits(limits);
        }
        audit.record(tenantId, actor, "tenant.update", "tenant", tenantId);
        return tenant;
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
