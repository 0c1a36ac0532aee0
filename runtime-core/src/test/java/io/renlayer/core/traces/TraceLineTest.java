package io.renlayer.core.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TraceLineTest {

    @Test
    void aFullRowSurvivesTheRoundTripOnOneLine() {
        TraceRecord row = TraceRecord.of(
                        UUID.randomUUID(), Instant.parse("2026-11-22T10:15:30.123456Z"), UUID.randomUUID(), "req_1")
                .caller(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())
                .upstream(UUID.randomUUID())
                .call("openai.chat", "POST", "openai", "gpt-4o", true)
                .ended(200, null, 12, 9)
                .tokens(10, 20, 30)
                .findings(List.of(new TraceFinding("renlayer-pii", "EMAIL", 3, 19, 0.95)), List.of("slow-plugin"))
                .costUsd(new BigDecimal("0.000123"))
                .flags(List.of("dlp"))
                .policies(
                        List.of(
                                new TracePolicy("p", "FLAG", "request", "why"),
                                new TracePolicy(
                                        "r", "ROUTE", "request", "no conditions", "self-hosted", "llama-3", false),
                                new TracePolicy("v", "FLAG", "request", "no conditions", null, null, true)),
                        "FLAG")
                .session("sess-1")
                .bodies("{\"messages\":[\"line\\nbreak [EMAIL_1]\"]}", "data: é\n\n")
                .build();

        String line = TraceLine.encode(row);

        assertThat(line).doesNotContain("\n");
        assertThat(TraceLine.decode(line)).isEqualTo(row);
    }

    @Test
    void absentValuesStayAbsent() {
        TraceRecord row = minimal();

        assertThat(TraceLine.decode(TraceLine.encode(row))).isEqualTo(row);
    }

    @Test
    void aTornLineIsRefused() {
        String line = TraceLine.encode(minimal());

        assertThatThrownBy(() -> TraceLine.decode(line.substring(0, line.length() / 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static TraceRecord minimal() {
        return TraceRecord.of(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), null)
                .call(null, null, null, null, false)
                .ended(401, "invalid_api_key", 1, null)
                .build();
    }
}
