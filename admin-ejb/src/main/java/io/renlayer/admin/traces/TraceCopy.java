package io.renlayer.admin.traces;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Stores a batch of trace rows with COPY into a session-local staging table and one
 * {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING}: several times the rows per second of
 * batched INSERTs, which pay the executor's per-statement work on every row, while a row that is
 * already stored (a spooled batch replayed) is still skipped.
 */
final class TraceCopy {

    static final String COLUMNS = "id, created_at, tenant_id, agent_id, key_id, project_id, upstream_id, request_id, "
            + "route, method, provider, model, stream, status, error_code, latency_ms, upstream_latency_ms, "
            + "prompt_tokens, completion_tokens, total_tokens, findings, plugin_failures, cost_usd, flags, policies, "
            + "session_id, decision, redacted_body, redacted_response";

    private TraceCopy() {}

    /** Runs inside the caller's transaction; the staging rows go at its commit. */
    static void insert(Connection c, List<TraceRecord> rows) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE IF NOT EXISTS trace_batch (LIKE renlayer.traces) ON COMMIT DELETE ROWS");
        }
        StringBuilder data = new StringBuilder(rows.size() * 2048);
        for (TraceRecord r : rows) {
            row(data, r);
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY trace_batch (" + COLUMNS + ") FROM STDIN", new StringReader(data.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY of trace rows failed", e);
        }
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO renlayer.traces (" + COLUMNS + ") SELECT " + COLUMNS
                    + " FROM trace_batch ON CONFLICT (created_at, id) DO NOTHING");
        }
    }

    private static void row(StringBuilder out, TraceRecord r) {
        field(out, r.id(), true);
        field(out, r.createdAt(), false);
        field(out, r.tenantId(), false);
        field(out, r.agentId(), false);
        field(out, r.keyId(), false);
        field(out, r.projectId(), false);
        field(out, r.upstreamId(), false);
        field(out, r.requestId(), false);
        field(out, r.route(), false);
        field(out, r.method(), false);
        field(out, r.provider(), false);
        field(out, r.model(), false);
        field(out, r.stream(), false);
        field(out, r.status(), false);
        field(out, r.errorCode(), false);
        field(out, r.latencyMs(), false);
        field(out, r.upstreamLatencyMs(), false);
        field(out, r.promptTokens(), false);
        field(out, r.completionTokens(), false);
        field(out, r.totalTokens(), false);
        field(out, TraceJson.findings(r.findings()), false);
        field(out, TraceJson.strings(r.pluginFailures()), false);
        field(out, r.costUsd() == null ? null : r.costUsd().toPlainString(), false);
        field(out, TraceJson.strings(r.flags()), false);
        field(out, TraceJson.policies(r.policies()), false);
        field(out, r.sessionId(), false);
        field(out, r.decision(), false);
        field(out, r.redactedRequest(), false);
        field(out, r.redactedResponse(), false);
        out.append('\n');
    }

    /** One column in COPY's text format: tab-separated, \N for null, backslash escapes. */
    private static void field(StringBuilder out, Object value, boolean first) {
        if (!first) {
            out.append('\t');
        }
        if (value == null) {
            out.append("\\N");
            return;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }
}
