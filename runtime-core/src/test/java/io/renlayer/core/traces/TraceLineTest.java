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
        TraceRecord row = new TraceRecord(
                UUID.randomUUID(),
                Instant.parse("2026-11-22T10:15:30.123456Z"),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "req_1",
                "openai.chat",
                "POST",
                "openai",
                "gpt-4o",
                true,
                200,
                null,
                12,
                9,
                10,
                20,
                30,
                List.of(new TraceFinding("renlayer-pii", "EMAIL", 3, 19, 0.95)),
                List.of("slow-plugin"),
                new BigDecimal("0.000123"),
                List.of("dlp"),
                List.of(new TracePolicy("p", "FLAG", "request", "why")),
                "sess-1",
                "FLAG",
                "{\"messages\":[\"line\\nbreak [EMAIL_1]\"]}",
                "data: é\n\n");

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
        return new TraceRecord(
                UUID.randomUUID(),
                Instant.now(),
                UUID.randomUUID(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                401,
                "invalid_api_key",
                1,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null);
    }
}
