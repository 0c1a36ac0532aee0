package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security finding 1: nothing a caller sends can stop the gateway's records. A NUL anywhere a
 * caller chooses is stored; a row PostgreSQL refuses is set aside alone while every other tenant's
 * rows keep arriving; a spool file that cannot be read is quarantined and the others replay; a
 * writer that stores nothing while rows wait shows in /readyz.
 */
@ExtendWith(GatewayExtension.class)
class TraceIsolationIT {

    @Test
    void aNulInABodyModelOrSessionNeverStopsTraceStorage(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant attacker = platform.newTenant();
        Platform.TestTenant other = platform.newTenant();
        Proxy proxy = new Proxy(gateway);
        double writtenBefore = Metrics.value(gateway.controlUrl(), "renlayer_trace_rows_written");

        HttpResponse<String> nulModel = proxy.chat(attacker.key(), Proxy.userMessage("gpt-4o-mini\\u0000x", "hi"));
        HttpResponse<String> nulPrompt = proxy.chat(
                attacker.key(),
                "{\"model\":\"gpt-4o\",\"metadata\":{\"session_id\":\"s\\u0000id\"},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi \\u0000 there\"}]}");
        HttpResponse<String> rawNul = proxy.chat(
                attacker.key(),
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\"," + "\"content\":\"raw\u0000nul\"}]}");
        HttpResponse<String> afterwards = proxy.chat(other.key(), Proxy.userMessage("gpt-4o", "still traced?"));

        assertThat(nulModel.statusCode()).as(nulModel.body()).isEqualTo(400);
        assertThat(Platform.json(nulModel.body()).getJsonObject("error").getString("param"))
                .isEqualTo("model");
        assertThat(nulPrompt.statusCode()).isEqualTo(200);
        assertThat(rawNul.statusCode()).isEqualTo(400);
        assertThat(afterwards.statusCode()).isEqualTo(200);
        assertThat(platform.awaitTrace(other.tenantId(), t -> t.getInt("status") == 200))
                .isNotNull();
        StoredTraces.await(attacker.tenantId(), 3);
        // The raw NUL of the refused body and the NUL of the session name are kept as U+FFFD.
        assertThat(column("redacted_body", requestId(rawNul))).contains("raw\uFFFDnul");
        assertThat(column("session_id", requestId(nulPrompt))).isEqualTo("s\uFFFDid");
        assertThat(Metrics.await(gateway.controlUrl(), "renlayer_trace_rows_written", n -> n >= writtenBefore + 3))
                .isGreaterThanOrEqualTo(writtenBefore + 3);
        assertThat(Metrics.value(gateway.controlUrl(), "renlayer_trace_rows_spooled"))
                .isZero();
    }

    @Test
    void aRowTheDatabaseRefusesIsSetAsideAloneAndEveryOtherRowIsStored(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        Proxy proxy = new Proxy(gateway);
        proxy.awaitStatus(t.key(), 200);
        double deadBefore = Metrics.value(gateway.controlUrl(), "renlayer_trace_rows_dead_lettered");
        // A value PostgreSQL refuses, as a NUL was: here a constraint only this test adds.
        try (Connection c = Gateway.database();
                Statement st = c.createStatement()) {
            st.execute(
                    "ALTER TABLE renlayer.traces ADD CONSTRAINT it_refused_model CHECK (model IS DISTINCT FROM 'refused-model')");
        }
        List<SteadyLoad.Answer> answers;
        try {
            try (SteadyLoad load = SteadyLoad.start(List.of(proxy), t.key(), 4)) {
                load.awaitCalls(20);
                assertThat(proxy.chat(t.key(), Proxy.userMessage("refused-model", "poison"))
                                .statusCode())
                        .isEqualTo(200);
                load.awaitCalls(load.count() + 60);
                answers = load.stop();
            }
            Metrics.await(gateway.controlUrl(), "renlayer_trace_rows_dead_lettered", n -> n >= deadBefore + 1);
            Map<String, Integer> stored = StoredTraces.await(t.tenantId(), answers.size() + 1);
            for (SteadyLoad.Answer a : answers) {
                assertThat(stored.get(a.requestId()))
                        .as("trace of %s", a.requestId())
                        .isEqualTo(1);
            }
        } finally {
            try (Connection c = Gateway.database();
                    Statement st = c.createStatement()) {
                st.execute("ALTER TABLE renlayer.traces DROP CONSTRAINT it_refused_model");
            }
        }
        assertThat(Metrics.value(gateway.controlUrl(), "renlayer_trace_rows_dead_lettered"))
                .isEqualTo(deadBefore + 1);
        Path deadLetters = gateway.traceSpool().resolve("dead-letter");
        String letters;
        try (var files = Files.list(deadLetters)) {
            letters = files.map(f -> read(f)).reduce("", String::concat);
        }
        assertThat(letters).contains("refused-model").contains("\"reason\":\"SQLState 23514\"");
        JsonObject traces = readyz(gateway).getJsonObject("checks").getJsonObject("traces");
        assertThat(traces.getString("status")).isEqualTo("up");
        assertThat(traces.getString("detail")).contains("dead-letter");
    }

    @Test
    void anUnreadableSpoolFileIsQuarantinedTheOthersReplayAndAStalledWriterShowsInReadyz(Gateway gateway)
            throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        Proxy proxy = new Proxy(gateway);
        proxy.awaitStatus(t.key(), 200);
        StoredTraces.await(t.tenantId(), 1);
        Path garbage = gateway.traceSpool().resolve("00000000000000000000-000000.jsonl"); // sorts first: the oldest
        List<SteadyLoad.Answer> answers;
        gateway.databaseLink.cut();
        try {
            try (SteadyLoad load = SteadyLoad.start(List.of(proxy), t.key(), 4)) {
                load.awaitCalls(40);
                answers = load.stop();
            }
            Metrics.await(gateway.controlUrl(), "renlayer_trace_rows_spooled", rows -> rows >= answers.size());
            Files.write(garbage, new byte[] {'{', (byte) 0xC3, '(', '\n'}); // not UTF-8
            JsonObject stalled = awaitTracesCheck(gateway, "stalled");
            assertThat(stalled.getString("detail")).contains("no trace row stored");
            assertThat(Metrics.value(gateway.controlUrl(), "renlayer_trace_writer_stalled_seconds"))
                    .isGreaterThanOrEqualTo(5);
        } finally {
            gateway.databaseLink.restore();
        }
        Map<String, Integer> stored = StoredTraces.await(t.tenantId(), answers.size() + 1);
        for (SteadyLoad.Answer a : answers) {
            assertThat(stored.get(a.requestId()))
                    .as("trace of %s", a.requestId())
                    .isEqualTo(1);
        }
        assertThat(garbage).doesNotExist();
        assertThat(gateway.traceSpool().resolve("quarantine").resolve(garbage.getFileName()))
                .exists();
        awaitTracesCheck(gateway, "up");
        assertThat(Metrics.value(gateway.controlUrl(), "renlayer_trace_writer_stalled_seconds"))
                .isLessThan(5);
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("x-request-id").orElseThrow();
    }

    /** {@code column} is one of this class's literals, never input. */
    private static String column(String column, String requestId) throws Exception {
        try (Connection c = Gateway.database();
                var ps = c.prepareStatement("SELECT " + column + " FROM renlayer.traces WHERE request_id = ?")) {
            ps.setString(1, requestId);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a trace of %s", requestId).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static JsonObject awaitTracesCheck(Gateway gateway, String status) throws Exception {
        JsonObject last = null;
        for (int i = 0; i < 150; i++) {
            last = readyz(gateway).getJsonObject("checks").getJsonObject("traces");
            if (last.getString("status").equals(status)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the trace writer never became " + status + ": " + last);
    }

    private static JsonObject readyz(Gateway gateway) throws Exception {
        return Platform.json(HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/readyz"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
