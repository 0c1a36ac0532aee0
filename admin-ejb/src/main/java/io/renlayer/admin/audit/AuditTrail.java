package io.renlayer.admin.audit;

import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.paging.Page;
import io.renlayer.core.paging.PageRequest;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads and verifies the audit chains: one per tenant, and the operator plane's (tenant null).
 * Pages are newest first by sequence number; the cursor is the last sequence number returned.
 */
@Stateless
public class AuditTrail {

    @Resource(lookup = "jdbc/renlayer")
    private DataSource dataSource;

    public record Filter(String actor, String action, String targetType, String targetId, Instant from, Instant to) {}

    public Page<AuditRecord> list(UUID tenantId, Filter filter, Integer limit, String cursor) {
        PageRequest page = PageRequest.of(limit, null);
        Long afterSeq = decodeSeq(cursor);
        StringBuilder sql = new StringBuilder("""
                SELECT seq, id, tenant_id, actor, action, target_type, target_id, before_state, after_state,
                       source_ip, created_at, encode(hash, 'hex')
                  FROM renlayer.audit_log WHERE tenant_id IS NOT DISTINCT FROM ?""");
        List<Object> params = new ArrayList<>();
        params.add(tenantId);
        condition(sql, params, "actor = ?", filter.actor());
        condition(sql, params, "action = ?", filter.action());
        condition(sql, params, "target_type = ?", filter.targetType());
        condition(sql, params, "target_id = ?", filter.targetId());
        condition(sql, params, "created_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(sql, params, "created_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        condition(sql, params, "seq < ?", afterSeq);
        sql.append(" ORDER BY seq DESC LIMIT ").append(page.fetchSize());
        List<AuditRecord> rows = query(sql.toString(), params);
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, null);
        }
        List<AuditRecord> items = rows.subList(0, page.limit());
        return new Page<>(
                List.copyOf(items), encodeSeq(items.get(items.size() - 1).seq()));
    }

    /** Recomputes every hash of the chain in the database and checks each link to its predecessor. */
    public ChainVerification verify(UUID tenantId) {
        String sql = """
                SELECT seq, hash = renlayer.audit_entry_hash(a) AS content_ok,
                       prev_hash IS NOT DISTINCT FROM lag(hash) OVER (ORDER BY seq) AS link_ok,
                       seq = row_number() OVER (ORDER BY seq) AS seq_ok, encode(hash, 'hex')
                  FROM renlayer.audit_log a WHERE tenant_id IS NOT DISTINCT FROM ? ORDER BY seq""";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, tenantId, Types.OTHER);
            long entries = 0;
            Long headSeq = null;
            String headHash = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries++;
                    long seq = rs.getLong(1);
                    String problem = !rs.getBoolean(2)
                            ? "the entry's content does not match its hash"
                            : !rs.getBoolean(3)
                                    ? "the entry does not link to the previous entry's hash"
                                    : !rs.getBoolean(4) ? "an entry is missing before this one" : null;
                    if (problem != null) {
                        return new ChainVerification(false, entries, seq, rs.getString(5), seq, problem);
                    }
                    headSeq = seq;
                    headHash = rs.getString(5);
                }
            }
            return new ChainVerification(true, entries, headSeq, headHash, null, null);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log", e);
        }
    }

    private List<AuditRecord> query(String sql, List<Object> params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof UUID || p == null) {
                    ps.setObject(i + 1, p, Types.OTHER);
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            List<AuditRecord> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AuditRecord(
                            rs.getLong(1),
                            rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getTimestamp(11).toInstant(),
                            rs.getString(12)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log", e);
        }
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            params.add(value);
        }
    }

    private static String encodeSeq(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("seq:" + seq).getBytes());
    }

    private static Long decodeSeq(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor.strip()));
            if (!plain.startsWith("seq:")) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(plain.substring(4));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("cursor", "cursor is not a value returned as nextCursor");
        }
    }
}
