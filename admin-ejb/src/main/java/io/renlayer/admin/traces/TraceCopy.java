package io.renlayer.admin.traces;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Stores trace rows with COPY, several times the rows per second of batched INSERTs, which pay
 * the executor's per-statement work on every row. Fresh rows go straight into the table. Replayed
 * rows (a spooled batch, which may already be stored if a commit's acknowledgement was lost) go
 * through a session-local staging table and one {@code INSERT ... SELECT ... ON CONFLICT DO
 * NOTHING}, so a row already stored is skipped.
 */
final class TraceCopy {

    static final String COLUMNS = "id, created_at, tenant_id, agent_id, key_id, project_id, upstream_id, request_id, "
            + "route, method, provider, model, stream, status, error_code, latency_ms, upstream_latency_ms, "
            + "prompt_tokens, completion_tokens, total_tokens, findings, plugin_failures, cost_usd, flags, policies, "
            + "session_id, decision, redacted_body, redacted_response";

    /** The trace writer and the spool replay each keep one buffer; see {@link CopyText}. */
    private static final ThreadLocal<CopyText> BUFFERS = ThreadLocal.withInitial(CopyText::new);

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

    private static void copy(Connection c, String table, List<TraceRecord> rows) throws SQLException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + COLUMNS + ") FROM STDIN");
        try {
            CopyText text = BUFFERS.get();
            text.reset();
            for (TraceRecord r : rows) {
                row(text, r);
                if (text.size() >= CopyText.FLUSH_BYTES) {
                    text.writeTo(copy);
                }
            }
            text.writeTo(copy);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void row(CopyText out, TraceRecord r) {
        out.first(r.id());
        out.field(r.createdAt());
        out.field(r.tenantId());
        out.field(r.agentId());
        out.field(r.keyId());
        out.field(r.projectId());
        out.field(r.upstreamId());
        out.field(r.requestId());
        out.field(r.route());
        out.field(r.method());
        out.field(r.provider());
        out.field(r.model());
        out.field(r.stream());
        out.field(r.status());
        out.field(r.errorCode());
        out.field(r.latencyMs());
        out.field(r.upstreamLatencyMs());
        out.field(r.promptTokens());
        out.field(r.completionTokens());
        out.field(r.totalTokens());
        out.field(TraceJson.findings(r.findings()));
        out.field(TraceJson.strings(r.pluginFailures()));
        out.field(r.costUsd() == null ? null : r.costUsd().toPlainString());
        out.field(TraceJson.strings(r.flags()));
        out.field(TraceJson.policies(r.policies()));
        out.field(r.sessionId());
        out.field(r.decision());
        out.field(r.redactedRequest());
        out.field(r.redactedResponse());
        out.endRow();
    }
}
