package io.renlayer.admin.keys;

import io.renlayer.admin.agents.AgentService;
import io.renlayer.admin.audit.AuditLog;
import io.renlayer.admin.errors.InvalidRequestException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/** Issues virtual keys to a tenant's agents. */
@Stateless
public class KeyService {

    @PersistenceContext(unitName = "renlayer")
    private EntityManager em;

    @EJB
    private AgentService agents;

    @EJB
    private AuditLog audit;

    /** Creates a key; the returned raw key is the only time it exists outside the caller. */
    public CreatedKey create(UUID tenantId, UUID agentId, String name, Instant expiresAt, String actor) {
        if (agentId == null) {
            throw new InvalidRequestException("agentId", "agentId is required");
        }
        agents.require(tenantId, agentId);
        String checkedName = InvalidRequestException.requireText("name", name, 200);
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw new InvalidRequestException("expiresAt", "expiresAt must be in the future");
        }
        VirtualKey key = VirtualKey.generate();
        ApiKey record = new ApiKey(tenantId, agentId, checkedName, key, expiresAt);
        em.persist(record);
        audit.record(tenantId, actor, "key.create", "api_key", record.getId());
        return new CreatedKey(record, key.reveal());
    }

    /** A new key and, once, its raw text. */
    public record CreatedKey(ApiKey key, String rawKey) {
        @Override
        public String toString() {
            return "CreatedKey[" + VirtualKey.redacted(key.getPrefix()) + "]";
        }
    }
}
