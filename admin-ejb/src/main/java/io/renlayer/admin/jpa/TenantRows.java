package io.renlayer.admin.jpa;

import io.renlayer.core.errors.NotFoundException;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** Looks up one row of a tenant-owned entity, scoped by tenant: another tenant's row is not found. */
public final class TenantRows {

    private TenantRows() {}

    /** The entity with {@code tenantId} and {@code id}, or {@link NotFoundException} naming {@code resource}. */
    public static <T> T require(EntityManager em, Class<T> type, UUID tenantId, UUID id, String resource) {
        return em.createQuery(
                        "select e from " + type.getSimpleName() + " e where e.tenantId = :tenantId and e.id = :id",
                        type)
                .setParameter("tenantId", tenantId)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(resource));
    }
}
