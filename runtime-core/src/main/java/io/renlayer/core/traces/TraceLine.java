package io.renlayer.core.traces;

import io.renlayer.core.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A trace row as one line of JSON, the form the trace writer spools to disk while the database is
 * away. JSON escapes line breaks, so a spool file is one row per line and a torn last line (a
 * crash mid-write) is recognisable and skipped.
 */
public final class TraceLine {

    private TraceLine() {}

    public static String encode(TraceRecord r) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder()
                .add("id", r.id().toString())
                .add("createdAt", r.createdAt().toString())
                .add("tenantId", r.tenantId().toString())
                .add("stream", r.stream())
                .add("status", r.status())
                .add("latencyMs", r.latencyMs())
                .add("findings", TraceJson.findings(r.findings()))
                .add("pluginFailures", TraceJson.strings(r.pluginFailures()))
                .add("flags", TraceJson.strings(r.flags()))
                .add("policies", TraceJson.policies(r.policies()));
        put(o, "agentId", r.agentId());
        put(o, "keyId", r.keyId());
        put(o, "projectId", r.projectId());
        put(o, "upstreamId", r.upstreamId());
        put(o, "requestId", r.requestId());
        put(o, "route", r.route());
        put(o, "method", r.method());
        put(o, "provider", r.provider());
        put(o, "model", r.model());
        put(o, "errorCode", r.errorCode());
        put(o, "upstreamLatencyMs", r.upstreamLatencyMs());
        put(o, "promptTokens", r.promptTokens());
        put(o, "completionTokens", r.completionTokens());
        put(o, "totalTokens", r.totalTokens());
        put(o, "costUsd", r.costUsd());
        put(o, "sessionId", r.sessionId());
        put(o, "decision", r.decision());
        put(o, "redactedRequest", Objects.toString(r.redactedRequest(), null));
        put(o, "redactedResponse", r.redactedResponse());
        return o.build().toString();
    }

    /** The row on the line; throws {@link IllegalArgumentException} for a line that is not one. */
    public static TraceRecord decode(String line) {
        try (var reader = Jsonp.createReader(new StringReader(line))) {
            JsonObject o = reader.readObject();
            return new TraceRecord(
                    UUID.fromString(o.getString("id")),
                    Instant.parse(o.getString("createdAt")),
                    UUID.fromString(o.getString("tenantId")),
                    uuid(o, "agentId"),
                    uuid(o, "keyId"),
                    uuid(o, "projectId"),
                    uuid(o, "upstreamId"),
                    text(o, "requestId"),
                    text(o, "route"),
                    text(o, "method"),
                    text(o, "provider"),
                    text(o, "model"),
                    o.getBoolean("stream"),
                    o.getInt("status"),
                    text(o, "errorCode"),
                    o.getInt("latencyMs"),
                    integer(o, "upstreamLatencyMs"),
                    integer(o, "promptTokens"),
                    integer(o, "completionTokens"),
                    integer(o, "totalTokens"),
                    TraceJson.parseFindings(o.getString("findings")),
                    TraceJson.parseStrings(o.getString("pluginFailures")),
                    o.containsKey("costUsd") ? o.getJsonNumber("costUsd").bigDecimalValue() : null,
                    TraceJson.parseStrings(o.getString("flags")),
                    TraceJson.parsePolicies(o.getString("policies")),
                    text(o, "sessionId"),
                    text(o, "decision"),
                    text(o, "redactedRequest"),
                    text(o, "redactedResponse"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a spooled trace row", e);
        }
    }

    private static void put(JsonObjectBuilder o, String name, Object value) {
        if (value instanceof String s) {
            o.add(name, s);
        } else if (value instanceof Integer i) {
            o.add(name, i);
        } else if (value instanceof BigDecimal d) {
            o.add(name, d);
        } else if (value != null) {
            o.add(name, value.toString());
        }
    }

    private static String text(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v == null ? null : o.getString(name);
    }

    private static UUID uuid(JsonObject o, String name) {
        String s = text(o, name);
        return s == null ? null : UUID.fromString(s);
    }

    private static Integer integer(JsonObject o, String name) {
        return o.containsKey(name) ? o.getInt(name) : null;
    }
}
