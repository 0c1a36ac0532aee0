package io.renlayer.admin.audit;

import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * Records administrative changes in the caller's transaction, so a change and its audit entry
 * commit together. The database chains each entry to the previous one of its tenant (V10).
 * Callers pass before/after states built for the audit log: never secrets.
 */
@Stateless
public class AuditLog {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "renlayer")
    private EntityManager em;

    @Inject
    private Instance<RequestOrigin> origin;

    public void record(UUID tenantId, String actor, String action, String targetType, Object targetId) {
        record(tenantId, actor, action, targetType, targetId, null, null);
    }

    public void record(
            UUID tenantId,
            String actor,
            String action,
            String targetType,
            Object targetId,
            Object before,
            Object after) {
        em.persist(new AuditEntry(
                tenantId,
                actor,
                action,
                targetType,
                targetId == null ? null : targetId.toString(),
                json(before),
                json(after),
                sourceIp()));
    }

    private String sourceIp() {
        try {
            return origin.get().sourceIp();
        } catch (ContextNotActiveException backgroundWork) {
            return null;
        }
    }

    private static String json(Object state) {
        return state == null ? null : JSON.toJson(state);
    }
}
