package io.renlayer.admin.audit;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/** Records administrative changes in the caller's transaction, so a change and its audit entry commit together. */
@Stateless
public class AuditLog {

    @PersistenceContext(unitName = "renlayer")
    private EntityManager em;

    public void record(UUID tenantId, String actor, String action, String targetType, Object targetId) {
        em.persist(new AuditEntry(tenantId, actor, action, targetType,
                targetId == null ? null : targetId.toString()));
    }
}
