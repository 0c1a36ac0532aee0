package io.renlayer.admin.jpa;

import io.renlayer.core.paging.Cursor;
import io.renlayer.core.paging.Page;
import io.renlayer.core.paging.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset pagination over a tenant-owned entity with {@code tenantId}, {@code createdAt} and
 * {@code id}: newest first, stable under inserts, and always scoped by the tenant.
 */
public final class JpaPages {

    private JpaPages() {}

    /**
     * @param filters JPQL conditions on alias {@code e} joined by {@code and}; their parameters in {@code params}
     */
    public static <T> Page<T> page(
            EntityManager em,
            Class<T> type,
            UUID tenantId,
            String filters,
            Map<String, Object> params,
            PageRequest page,
            Function<T, Instant> createdAt,
            Function<T, UUID> id) {
        StringBuilder jpql = new StringBuilder("select e from ")
                .append(type.getSimpleName())
                .append(" e where e.tenantId = :tenantId");
        if (filters != null && !filters.isBlank()) {
            jpql.append(" and ").append(filters);
        }
        if (page.cursor() != null) {
            jpql.append(" and (e.createdAt < :cursorAt or (e.createdAt = :cursorAt and e.id < :cursorId))");
        }
        jpql.append(" order by e.createdAt desc, e.id desc");
        TypedQuery<T> query = em.createQuery(jpql.toString(), type).setParameter("tenantId", tenantId);
        params.forEach(query::setParameter);
        if (page.cursor() != null) {
            query.setParameter("cursorAt", page.cursor().at())
                    .setParameter("cursorId", page.cursor().id());
        }
        return Page.of(
                query.setMaxResults(page.fetchSize()).getResultList(),
                page,
                item -> new Cursor(createdAt.apply(item), id.apply(item)));
    }
}
