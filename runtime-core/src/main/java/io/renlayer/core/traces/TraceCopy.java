package io.renlayer.core.traces;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Stores trace rows with COPY, several times the rows per second of batched INSERTs, which pay
 * the executor's per-statement work on every row; in COPY's binary format, which the server
 * reads without scanning the values ({@link CopyBinary}). Fresh rows go straight into the table. Replayed
 * rows (a spooled batch, which may already be stored if a commit's acknowledgement was lost) go
 * through a session-local staging table and one {@code INSERT ... SELECT ... ON CONFLICT DO
 * NOTHING}, so a row already stored is skipped.
 */
final class TraceCopy {

    static final String COLUMNS = "id, created_at, tenant_id, agent_id, key_id, project_id, upstream_id, request_id, "
            + "route, method, provider, model, stream, status, error_code, latency_ms, upstream_latency_ms, "
            + "prompt_tokens, completion_tokens, total_tokens, findings, plugin_failures, cost_usd, flags, policies, "
            + "session_id, decision, redacted_body, redacted_response";

    private static final int FIELDS = COLUMNS.split(",").length;

    /** The trace writer and the spool replay each keep one buffer; see {@link CopyBinary}. */
    private static final ThreadLocal<CopyBinary> BUFFERS = ThreadLocal.withInitial(CopyBinary::new);

    private TraceCopy() {}

    /** Rows that were never handed to the database before; runs inside the caller's transaction. */
    static void insertNew(Connection c, List<TraceRecord> rows) throws SQLException {
        copy(c, "renlayer.traces", rows);
    }

    /** Rows that may already be stored: those are skipped. Runs inside the caller's transaction. */
    static void insertOrSkip(Connection c, List<TraceRecord> rows) throws SQLException {
        try (Statement st = c.createStatement()) {
            // One round trip; the notice "already exists, skipping" would cost an exception per batch.
            st.execute("SET LOCAL client_min_messages = warning; CREATE TEMP TABLE IF NOT EXISTS trace_batch "
                    + "(LIKE renlayer.traces) ON COMMIT DELETE ROWS");
        }
        copy(c, "trace_batch", rows);
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO renlayer.traces (" + COLUMNS + ") SELECT " + COLUMNS
                    + " FROM trace_batch ON CONFLICT (created_at, id) DO NOTHING");
        }
    }

    /** The rows into {@code table}, whose columns are {@link #COLUMNS} of the same types. */
    static void copy(Connection c, String table, List<TraceRecord> rows) throws SQLException {
        CopyIn copy = c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY " + table + " (" + COLUMNS + ") FROM STDIN (FORMAT binary)");
        try {
            CopyBinary out = BUFFERS.get();
            out.begin();
            for (TraceRecord r : rows) {
                encoded(out, r);
                if (out.size() >= CopyBinary.FLUSH_BYTES) {
                    out.writeTo(copy);
                }
            }
            out.end();
            out.writeTo(copy);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * A row that cannot be encoded is a fault of that row's data, and is reported as PostgreSQL
     * reports one (SQLState 22000, data exception), so the writer sets it aside like a refused row
     * rather than treat the database as away.
     */
    private static void encoded(CopyBinary out, TraceRecord r) throws SQLException {
        try {
            row(out, r);
        } catch (RuntimeException e) {
            throw new SQLException(
                    "a trace row cannot be encoded: " + e.getClass().getSimpleName(), "22000", e);
        }
    }

    private static void row(CopyBinary out, TraceRecord r) {
        out.row(FIELDS);
        out.uuid(r.id());
        out.timestamp(r.createdAt());
        out.uuid(r.tenantId());
        out.uuid(r.agentId());
        out.uuid(r.keyId());
        out.uuid(r.projectId());
        out.uuid(r.upstreamId());
        out.text(r.requestId());
        out.text(r.route());
        out.text(r.method());
        out.text(r.provider());
        out.text(r.model());
        out.bool(r.stream());
        out.int4(r.status());
        out.text(r.errorCode());
        out.int4(r.latencyMs());
        out.int4(r.upstreamLatencyMs());
        out.int4(r.promptTokens());
        out.int4(r.completionTokens());
        out.int4(r.totalTokens());
        out.jsonb(TraceJson.findings(r.findings()));
        out.jsonb(TraceJson.strings(r.pluginFailures()));
        out.numeric(r.costUsd());
        out.jsonb(TraceJson.strings(r.flags()));
        out.jsonb(TraceJson.policies(r.policies()));
        out.text(r.sessionId());
        out.text(r.decision());
        out.text(r.redactedRequest());
        out.text(r.redactedResponse());
    }
}
