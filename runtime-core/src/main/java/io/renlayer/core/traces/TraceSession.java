package io.renlayer.core.traces;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The calls of one session (an {@code x-session-id}, an MCP session, a conversation) summed up. */
public record TraceSession(
        String sessionId,
        long requests,
        long errors,
        long denied,
        Instant firstAt,
        Instant lastAt,
        List<String> models,
        long totalTokens,
        BigDecimal costUsd,
        long findings) {}
