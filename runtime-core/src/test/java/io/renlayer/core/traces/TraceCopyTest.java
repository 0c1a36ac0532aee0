package io.renlayer.core.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trace rows through COPY's binary format into a real PostgreSQL (the machine's, as the
 * integration tests use it), read back with the server's own text output: each type's binary
 * encoding is checked by the server that decodes it.
 */
class TraceCopyTest {

    private static final String HOST = env("RENLAYER_IT_PG_HOST", "127.0.0.1");
    private static final String PORT = env("RENLAYER_IT_PG_PORT", "5432");
    private static final String USER = env("RENLAYER_IT_PG_USER", "postgres");

    /** The column types of renlayer.traces (V1 and later migrations), without its partitioning. */
    private static final String TABLE = "CREATE TEMP TABLE copied (id uuid NOT NULL, created_at timestamptz NOT NULL, "
            + "tenant_id uuid NOT NULL, agent_id uuid, key_id uuid, project_id uuid, upstream_id uuid, "
            + "request_id text NOT NULL, route text NOT NULL, method text NOT NULL, provider text, model text, "
            + "stream boolean NOT NULL, status integer NOT NULL, error_code text, latency_ms integer NOT NULL, "
            + "upstream_latency_ms integer, prompt_tokens integer, completion_tokens integer, total_tokens integer, "
            + "findings jsonb NOT NULL, plugin_failures jsonb NOT NULL, cost_usd numeric(18,8), flags jsonb NOT NULL, "
            + "policies jsonb NOT NULL, session_id text, decision text, redacted_body text, redacted_response text)";

    private Connection db;

    @BeforeEach
    void connect() throws SQLException {
        db = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, "");
        try (Statement st = db.createStatement()) {
            st.execute(TABLE);
        }
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void everyColumnArrivesAsWritten() throws SQLException {
        UUID id = UUID.randomUUID();
        UUID tenant = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        String body =
                "{\"messages\":[{\"content\":\"tab\\there, é€😀, back\\\\slash \\u0000\"}]}\n" + "x".repeat(40_000);
        TraceRecord full = TraceRecord.of(id, Instant.parse("2026-12-04T03:45:12.345678Z"), tenant, "req-1")
                .caller(agent, UUID.randomUUID(), UUID.randomUUID())
                .upstream(UUID.randomUUID())
                .call("/v1/chat/completions", "POST", "openai", "gpt-4o-mini", true)
                .ended(200, "upstream_timeout", 12, 7)
                .tokens(100, 20, 120)
                .findings(List.of(new TraceFinding("pii", "EMAIL_ADDRESS", 3, 17, 0.9)), List.of("plugin-a"))
                .costUsd(new BigDecimal("0.00012345"))
                .flags(List.of("flagged", "second"))
                .policies(List.of(new TracePolicy("p1", "FLAG", "request", "matched \"secrets\"")), "FLAG")
                .session("session-1")
                .bodies(body, "answer\twith\ttabs\r\n")
                .build();

        TraceCopy.copy(db, "copied", List.of(full));

        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT *, created_at = '2026-12-04T03:45:12.345678Z' AS exact_time, "
                        + "cost_usd::text AS cost_text FROM copied")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject("id")).isEqualTo(id);
            assertThat(rs.getBoolean("exact_time")).isTrue();
            assertThat(rs.getObject("tenant_id")).isEqualTo(tenant);
            assertThat(rs.getObject("agent_id")).isEqualTo(agent);
            assertThat(rs.getString("route")).isEqualTo("/v1/chat/completions");
            assertThat(rs.getString("model")).isEqualTo("gpt-4o-mini");
            assertThat(rs.getBoolean("stream")).isTrue();
            assertThat(rs.getInt("status")).isEqualTo(200);
            assertThat(rs.getString("error_code")).isEqualTo("upstream_timeout");
            assertThat(rs.getInt("latency_ms")).isEqualTo(12);
            assertThat(rs.getInt("upstream_latency_ms")).isEqualTo(7);
            assertThat(rs.getInt("total_tokens")).isEqualTo(120);
            assertThat(rs.getString("findings"))
                    .contains("\"type\": \"EMAIL_ADDRESS\"")
                    .contains("\"start\": 3");
            assertThat(rs.getString("plugin_failures")).isEqualTo("[\"plugin-a\"]");
            assertThat(rs.getString("cost_text")).isEqualTo("0.00012345");
            assertThat(rs.getString("flags")).isEqualTo("[\"flagged\", \"second\"]");
            assertThat(rs.getString("policies")).contains("\"reason\": \"matched \\\"secrets\\\"\"");
            assertThat(rs.getString("session_id")).isEqualTo("session-1");
            assertThat(rs.getString("redacted_body")).isEqualTo(body);
            assertThat(rs.getString("redacted_response")).isEqualTo("answer\twith\ttabs\r\n");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void anAsciiBodyIsStoredFromItsBytesAndTheValuesAfterItKeepTheirPlace() throws SQLException {
        String body = "{\"messages\":[{\"content\":\"caf\\u00e9 \\\"quoted\\\"\"}]}" + " word".repeat(7_000);
        List<TraceRecord> rows = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            rows.add(TraceRecord.of(UUID.randomUUID(), Instant.EPOCH.plusSeconds(i), UUID.randomUUID(), "req-" + i)
                    .call("/v1/chat/completions", "POST", null, null, false)
                    .ended(200, null, 1, null)
                    .bodies(AsciiText.ofOrNull((body + i).getBytes(StandardCharsets.US_ASCII)), "answer " + i)
                    .build());
        }

        TraceCopy.copy(db, "copied", rows);

        try (Statement st = db.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT redacted_body, redacted_response FROM copied ORDER BY created_at")) {
            for (int i = 0; i < 2; i++) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("redacted_body")).isEqualTo(body + i);
                assertThat(rs.getString("redacted_response")).isEqualTo("answer " + i);
            }
        }
    }

    @Test
    void aNulInAnyCallerChosenValueIsStoredAsTheReplacementCharacterAndTheBatchGoesIn() throws SQLException {
        String nul = "\u0000";
        List<TraceRecord> rows = new ArrayList<>();
        rows.add(TraceRecord.of(UUID.randomUUID(), Instant.EPOCH, UUID.randomUUID(), "req" + nul)
                .call("/v1/chat/completions", "POST", "open" + nul + "ai", "gpt-4o-mini" + nul + "x", false)
                .ended(400, "bad" + nul, 1, null)
                .findings(List.of(new TraceFinding("d" + nul, "T" + nul, 0, 1, 1)), List.of("p" + nul))
                .flags(List.of("f" + nul))
                .policies(List.of(new TracePolicy("n" + nul, "DENY", "request", "why" + nul)), "DENY")
                .session("s" + nul)
                .bodies(
                        AsciiText.ofOrNull(
                                ("{\"a\":\"" + nul + "\"}" + " pad".repeat(10)).getBytes(StandardCharsets.US_ASCII)),
                        "answer" + nul)
                .build());
        rows.add(TraceRecord.of(UUID.randomUUID(), Instant.EPOCH.plusSeconds(1), UUID.randomUUID(), "req-2")
                .call("/v1/chat/completions", "POST", null, null, false)
                .ended(200, null, 1, null)
                .bodies("text with " + nul + " in it", null)
                .build());

        TraceCopy.copy(db, "copied", rows);

        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT model, request_id, session_id, redacted_body, redacted_response, findings->0->>'detector' AS d, "
                                + "policies->0->>'reason' AS reason, flags->>0 AS flag FROM copied ORDER BY created_at")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("model")).isEqualTo("gpt-4o-mini\uFFFDx");
            assertThat(rs.getString("request_id")).isEqualTo("req\uFFFD");
            assertThat(rs.getString("session_id")).isEqualTo("s\uFFFD");
            assertThat(rs.getString("redacted_body")).startsWith("{\"a\":\"\uFFFD\"}");
            assertThat(rs.getString("redacted_response")).isEqualTo("answer\uFFFD");
            assertThat(rs.getString("d")).isEqualTo("d\uFFFD");
            assertThat(rs.getString("reason")).isEqualTo("why\uFFFD");
            assertThat(rs.getString("flag")).isEqualTo("f\uFFFD");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("redacted_body")).isEqualTo("text with \uFFFD in it");
        }
    }

    @Test
    void anEscapedBackslashBeforeU0000IsTextAndIsKept() {
        assertThat(StorableText.json("[\"a\\\\u0000b\", \"\\u0000\"]")).isEqualTo("[\"a\\\\u0000b\", \"\\ufffd\"]");
        String clean = "[\"plain\"]";
        assertThat(StorableText.json(clean)).isSameAs(clean);
    }

    @Test
    void aRowThatCannotBeEncodedIsReportedAsADataExceptionOfPostgres() {
        TraceRecord unencodable = TraceRecord.of(UUID.randomUUID(), Instant.EPOCH, UUID.randomUUID(), "req-x")
                .call("/v1/chat/completions", "POST", null, null, false)
                .ended(200, null, 1, null)
                .findings(null, List.of())
                .build();

        SQLException e =
                Assertions.assertThrows(SQLException.class, () -> TraceCopy.copy(db, "copied", List.of(unencodable)));

        assertThat(e.getSQLState()).isEqualTo("22000");
    }

    @Test
    void absentValuesArriveAsNull() throws SQLException {
        TraceRecord bare = TraceRecord.of(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "req-2")
                .call("/v1/models", "GET", null, null, false)
                .ended(401, null, 0, null)
                .build();

        TraceCopy.copy(db, "copied", List.of(bare));

        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT num_nulls(agent_id, key_id, project_id, upstream_id, provider, "
                        + "model, error_code, upstream_latency_ms, prompt_tokens, completion_tokens, total_tokens, "
                        + "cost_usd, session_id, decision, redacted_body, redacted_response) AS nulls, findings::text, "
                        + "stream FROM copied")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("nulls")).isEqualTo(16);
            assertThat(rs.getString("findings")).isEqualTo("[]");
            assertThat(rs.getBoolean("stream")).isFalse();
        }
    }

    @Test
    void costsOfEveryMagnitudeAndSignKeepTheirValue() throws SQLException {
        String[] costs = {
            "0",
            "0.00000001",
            "0.5",
            "12.5",
            "1",
            "10000",
            "9999.9999",
            "1234567890.12345678",
            "-0.0042",
            "0.10000000",
            "100000000.00000001",
            "7E+3",
            "0.00010000"
        };
        List<TraceRecord> rows = new ArrayList<>();
        for (int i = 0; i < costs.length; i++) {
            rows.add(TraceRecord.of(UUID.randomUUID(), Instant.EPOCH.plusSeconds(i), UUID.randomUUID(), "req-" + i)
                    .call("/v1/chat/completions", "POST", null, null, false)
                    .ended(200, null, 1, null)
                    .costUsd(new BigDecimal(costs[i]))
                    .build());
        }

        TraceCopy.copy(db, "copied", rows);

        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT cost_usd FROM copied ORDER BY created_at")) {
            for (String cost : costs) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBigDecimal("cost_usd")).as(cost).isEqualByComparingTo(new BigDecimal(cost));
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
