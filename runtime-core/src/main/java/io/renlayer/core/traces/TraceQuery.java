package io.renlayer.core.traces;

import io.renlayer.core.errors.InvalidRequestException;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** A trace SELECT scoped by tenant, with the filter's conditions as bound parameters (never spliced). */
final class TraceQuery {

    private static final Pattern STATUS_CLASS = Pattern.compile("[1-5]xx");
    private static final List<String> DECISIONS = List.of("ALLOW", "FLAG", "REDACT", "DENY");

    private final StringBuilder sql;
    private final List<Object> params = new ArrayList<>();

    private TraceQuery(String select, UUID tenantId) {
        this.sql = new StringBuilder(select);
        params.add(tenantId);
    }

    static TraceQuery where(String select, UUID tenantId, TraceFilter f) {
        TraceQuery q = new TraceQuery(select, tenantId);
        if (f.from() != null) {
            q.and("created_at >= ?", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            q.and("created_at < ?", Timestamp.from(f.to()));
        }
        if (f.agentId() != null) {
            q.and("agent_id = ?", f.agentId());
        }
        if (f.keyId() != null) {
            q.and("key_id = ?", f.keyId());
        }
        if (f.model() != null) {
            q.and("model = ?", f.model());
        }
        if (f.status() != null) {
            String status = f.status().strip().toLowerCase(Locale.ROOT);
            if (STATUS_CLASS.matcher(status).matches()) {
                int base = (status.charAt(0) - '0') * 100;
                q.and("status >= ? AND status < ?", base, base + 100);
            } else if (status.matches("\\d{3}")) {
                q.and("status = ?", Integer.parseInt(status));
            } else {
                throw new InvalidRequestException("status", "status must be a code such as 403 or a class such as 4xx");
            }
        }
        if (f.decision() != null) {
            String decision = f.decision().strip().toUpperCase(Locale.ROOT);
            if (!DECISIONS.contains(decision)) {
                throw new InvalidRequestException("decision", "decision must be one of " + DECISIONS);
            }
            q.and("decision = ?", decision);
        }
        if (f.findingType() != null) {
            q.and(
                    "findings @> ?::jsonb",
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder()
                                    .add("type", f.findingType().strip()))
                            .build()
                            .toString());
        }
        if (f.sessionId() != null) {
            q.and("session_id = ?", f.sessionId());
        }
        return q;
    }

    void and(String condition, Object... values) {
        sql.append(" AND ").append(condition);
        params.addAll(List.of(values));
    }

    void append(String text) {
        sql.append(text);
    }

    void param(Object value) {
        params.add(value);
    }

    PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof UUID) {
                ps.setObject(i + 1, p, Types.OTHER);
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }
}
