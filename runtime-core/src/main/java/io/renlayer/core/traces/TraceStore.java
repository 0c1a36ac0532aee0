package io.renlayer.core.traces;

import io.renlayer.core.errors.Storage;
import io.renlayer.core.paging.Cursor;
import io.renlayer.core.paging.Page;
import io.renlayer.core.paging.PageRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Trace rows in PostgreSQL: batched inserts for the background writer, newest-first reads for the
 * API. Plain JDBC: the write path is hot and has no use for an ORM's bookkeeping.
 */
@ApplicationScoped
public class TraceStore {

    private static final String COLUMNS = """
            SELECT id, created_at, tenant_id, agent_id, key_id, project_id, upstream_id, request_id, route,
                   method, provider, model, stream, status, error_code, latency_ms, upstream_latency_ms,
                   prompt_tokens, completion_tokens, total_tokens, findings::text, plugin_failures::text, cost_usd, flags::text,
                   policies::text, session_id, decision, %s
              FROM renlayer.traces
             WHERE tenant_id = ?""";
    private static final String WITHOUT_BODIES = COLUMNS.formatted("NULL, NULL");
    private static final String WITH_BODIES = COLUMNS.formatted("redacted_body, redacted_response");

    @Resource(lookup = "jdbc/renlayerDirect")
    private DataSource dataSource;

    private final Set<LocalDate> partitionsEnsured = ConcurrentHashMap.newKeySet();

    TraceStore() {
        // for CDI, which injects the data source
    }

    /** Outside the server: the trace writer benchmark (bench/traces.sh). */
    public TraceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts rows never handed to the database before, in one transaction: all are stored or none. */
    public void insertBatch(List<TraceRecord> rows) throws SQLException {
        inTransaction(rows, TraceCopy::insertNew);
    }

    /**
     * Inserts rows that may already be stored (a spooled batch whose first commit may have landed
     * before its acknowledgement was lost): those are skipped, so every trace is stored exactly once.
     */
    public void insertReplayed(List<TraceRecord> rows) throws SQLException {
        inTransaction(rows, TraceCopy::insertOrSkip);
    }

    private interface BatchWrite {
        void write(Connection c, List<TraceRecord> rows) throws SQLException;
    }

    private void inTransaction(List<TraceRecord> rows, BatchWrite write) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            ensurePartitions(c, rows);
            c.setAutoCommit(false);
            try {
                write.write(c, rows);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    public List<TraceRecord> newest(UUID tenantId, int limit) {
        return Storage.call(() -> {
            return query(tenantId, TraceFilter.NONE, PageRequest.of(limit, null))
                    .items();
        });
    }

    /** The tenant's traces matching the filter, newest first, without their bodies. */
    public Page<TraceRecord> query(UUID tenantId, TraceFilter filter, PageRequest page) {
        return Storage.call(() -> {
            TraceQuery q = TraceQuery.where(WITHOUT_BODIES, tenantId, filter);
            if (page.cursor() != null) {
                q.and(
                        "(created_at, id) < (?, ?)",
                        Timestamp.from(page.cursor().at()),
                        page.cursor().id());
            }
            q.append(" ORDER BY created_at DESC, id DESC LIMIT " + page.fetchSize());
            return Page.of(run(q), page, r -> new Cursor(r.createdAt(), r.id()));
        });
    }

    /** One trace with its redacted request and response bodies. */
    public Optional<TraceRecord> find(UUID tenantId, UUID traceId) {
        return Storage.call(() -> {
            TraceQuery q = TraceQuery.where(WITH_BODIES, tenantId, TraceFilter.NONE);
            q.and("id = ?", traceId);
            return run(q).stream().findFirst();
        });
    }

    /** Sessions of the filtered traces, the most recently active first; the cursor is the last session's id. */
    public Page<TraceSession> sessions(UUID tenantId, TraceFilter filter, PageRequest page, String afterSession) {
        return Storage.call(() -> {
            TraceQuery q = TraceQuery.where("""
                    SELECT session_id, count(*), count(*) FILTER (WHERE status >= 400), count(*) FILTER (WHERE decision = 'DENY'),
                           min(created_at), max(created_at), array_remove(array_agg(DISTINCT model), NULL),
                           coalesce(sum(total_tokens), 0), coalesce(sum(cost_usd), 0), coalesce(sum(jsonb_array_length(findings)), 0)
                      FROM renlayer.traces WHERE tenant_id = ?""", tenantId, filter);
            q.and("session_id IS NOT NULL");
            q.append(" GROUP BY session_id");
            if (afterSession != null) {
                q.append(
                        " HAVING (max(created_at), session_id) < (SELECT max(created_at), session_id FROM renlayer.traces"
                                + " WHERE tenant_id = ? AND session_id = ? GROUP BY session_id)");
                q.param(tenantId);
                q.param(afterSession);
            }
            q.append(" ORDER BY max(created_at) DESC, session_id DESC LIMIT " + page.fetchSize());
            List<TraceSession> sessions = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = q.prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sessions.add(new TraceSession(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getTimestamp(5).toInstant(),
                            rs.getTimestamp(6).toInstant(),
                            List.of((String[]) rs.getArray(7).getArray()),
                            rs.getLong(8),
                            rs.getBigDecimal(9),
                            rs.getLong(10)));
                }
            }
            if (sessions.size() <= page.limit()) {
                return new Page<>(sessions, null);
            }
            List<TraceSession> items = List.copyOf(sessions.subList(0, page.limit()));
            return new Page<>(items, items.get(items.size() - 1).sessionId());
        });
    }

    /** Totals, percentiles, hourly series, top agents and models and recent denials over [from, to). */
    public TraceDashboard dashboard(UUID tenantId, Instant from, Instant to) {
        return Storage.call(() -> {
            TraceFilter range = new TraceFilter(from, to, null, null, null, null, null, null, null);
            try (Connection c = dataSource.getConnection()) {
                TraceQuery totals = TraceQuery.where("""
                        SELECT count(*), count(*) FILTER (WHERE status >= 400),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms),
                               percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms),
                               coalesce(sum(total_tokens), 0), coalesce(sum(cost_usd), 0),
                               coalesce(sum(jsonb_array_length(findings)), 0)
                          FROM renlayer.traces WHERE tenant_id = ?""", tenantId, range);
                long requests;
                long errors;
                Integer p50;
                Integer p95;
                long tokens;
                BigDecimal cost;
                long findings;
                try (PreparedStatement ps = totals.prepare(c);
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    requests = rs.getLong(1);
                    errors = rs.getLong(2);
                    p50 = rs.getObject(3) == null ? null : (int) Math.round(rs.getDouble(3));
                    p95 = rs.getObject(4) == null ? null : (int) Math.round(rs.getDouble(4));
                    tokens = rs.getLong(5);
                    cost = rs.getBigDecimal(6);
                    findings = rs.getLong(7);
                }
                TraceQuery hourly = TraceQuery.where("""
                        SELECT date_trunc('hour', created_at), count(*), count(*) FILTER (WHERE status >= 400),
                               coalesce(sum(jsonb_array_length(findings)), 0),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms),
                               percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms),
                               coalesce(sum(total_tokens), 0), coalesce(sum(cost_usd), 0)
                          FROM renlayer.traces WHERE tenant_id = ?""", tenantId, range);
                hourly.append(" GROUP BY 1 ORDER BY 1");
                List<TraceDashboard.Bucket> hours = new ArrayList<>();
                try (PreparedStatement ps = hourly.prepare(c);
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hours.add(new TraceDashboard.Bucket(
                                rs.getTimestamp(1).toInstant(),
                                rs.getLong(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                (int) Math.round(rs.getDouble(5)),
                                (int) Math.round(rs.getDouble(6)),
                                rs.getLong(7),
                                rs.getBigDecimal(8)));
                    }
                }
                TraceQuery agents = TraceQuery.where("""
                        SELECT coalesce(a.name, 'unknown'), count(*) FROM renlayer.traces t
                          LEFT JOIN renlayer.agents a ON a.id = t.agent_id AND a.tenant_id = t.tenant_id
                         WHERE t.tenant_id = ?""", tenantId, TraceFilter.NONE);
                agents.and("t.created_at >= ? AND t.created_at < ?", Timestamp.from(from), Timestamp.from(to));
                agents.append(" GROUP BY 1 ORDER BY 2 DESC LIMIT 5");
                TraceQuery models = TraceQuery.where(
                        "SELECT coalesce(model, '-'), count(*) FROM renlayer.traces WHERE tenant_id = ?",
                        tenantId,
                        range);
                models.append(" GROUP BY 1 ORDER BY 2 DESC LIMIT 5");
                TraceQuery denials = TraceQuery.where(
                        WITHOUT_BODIES,
                        tenantId,
                        new TraceFilter(from, to, null, null, null, null, "DENY", null, null));
                denials.append(" ORDER BY created_at DESC LIMIT 10");
                return new TraceDashboard(
                        requests,
                        errors,
                        p50,
                        p95,
                        tokens,
                        cost,
                        findings,
                        hours,
                        counts(c, agents),
                        counts(c, models),
                        run(denials));
            }
        });
    }

    private static List<TraceDashboard.Count> counts(Connection c, TraceQuery q) throws SQLException {
        List<TraceDashboard.Count> counts = new ArrayList<>();
        try (PreparedStatement ps = q.prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.add(new TraceDashboard.Count(rs.getString(1), rs.getLong(2)));
            }
        }
        return counts;
    }

    private List<TraceRecord> run(TraceQuery q) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = q.prepare(c)) {
            List<TraceRecord> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(read(rs));
                }
            }
            return result;
        }
    }

    private void ensurePartitions(Connection c, List<TraceRecord> rows) throws SQLException {
        for (TraceRecord r : rows) {
            LocalDate day = LocalDate.ofInstant(r.createdAt(), ZoneOffset.UTC);
            if (!partitionsEnsured.contains(day)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT renlayer.ensure_trace_partition(?)")) {
                    // Today's and tomorrow's, so midnight never lands in the default partition.
                    for (LocalDate d : List.of(day, day.plusDays(1))) {
                        ps.setObject(1, d);
                        ps.execute();
                    }
                }
                partitionsEnsured.add(day);
            }
        }
    }

    private static TraceRecord read(ResultSet rs) throws SQLException {
        return new TraceRecord(
                rs.getObject(1, UUID.class),
                rs.getTimestamp(2).toInstant(),
                rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class),
                rs.getObject(5, UUID.class),
                rs.getObject(6, UUID.class),
                rs.getObject(7, UUID.class),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getBoolean(13),
                rs.getInt(14),
                rs.getString(15),
                rs.getInt(16),
                (Integer) rs.getObject(17),
                (Integer) rs.getObject(18),
                (Integer) rs.getObject(19),
                (Integer) rs.getObject(20),
                TraceJson.parseFindings(rs.getString(21)),
                TraceJson.parseStrings(rs.getString(22)),
                rs.getBigDecimal(23),
                TraceJson.parseStrings(rs.getString(24)),
                TraceJson.parsePolicies(rs.getString(25)),
                rs.getString(26),
                rs.getString(27),
                rs.getString(28),
                rs.getString(29));
    }
}
