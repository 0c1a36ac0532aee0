package io.renlayer.core.traces;

import io.renlayer.core.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;

/** The jsonb columns of a trace row. */
final class TraceJson {

    private TraceJson() {}

    static String findings(List<TraceFinding> findings) {
        JsonArrayBuilder array = Jsonp.createArrayBuilder();
        for (TraceFinding f : findings) {
            array.add(Jsonp.createObjectBuilder()
                    .add("detector", f.detector())
                    .add("type", f.type())
                    .add("start", f.start())
                    .add("end", f.end())
                    .add("confidence", f.confidence()));
        }
        return array.build().toString();
    }

    static String strings(List<String> values) {
        JsonArrayBuilder array = Jsonp.createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
    }

    static List<TraceFinding> parseFindings(String json) {
        return read(json).getValuesAs(JsonObject.class).stream()
                .map(o -> new TraceFinding(
                        o.getString("detector"),
                        o.getString("type"),
                        o.getInt("start"),
                        o.getInt("end"),
                        o.getJsonNumber("confidence").doubleValue()))
                .toList();
    }

    static String policies(List<TracePolicy> policies) {
        JsonArrayBuilder array = Jsonp.createArrayBuilder();
        for (TracePolicy p : policies) {
            JsonObjectBuilder policy = Jsonp.createObjectBuilder()
                    .add("policy", p.policy())
                    .add("action", p.action())
                    .add("phase", p.phase())
                    .add("reason", p.reason());
            if (p.routedUpstream() != null) {
                policy.add("routedUpstream", p.routedUpstream());
            }
            if (p.routedModel() != null) {
                policy.add("routedModel", p.routedModel());
            }
            if (p.actionFailed()) {
                policy.add("actionFailed", true);
            }
            array.add(policy);
        }
        return array.build().toString();
    }

    static List<TracePolicy> parsePolicies(String json) {
        return read(json).getValuesAs(JsonObject.class).stream()
                .map(o -> new TracePolicy(
                        o.getString("policy"),
                        o.getString("action"),
                        o.getString("phase"),
                        o.getString("reason"),
                        o.getString("routedUpstream", null),
                        o.getString("routedModel", null),
                        o.getBoolean("actionFailed", false)))
                .toList();
    }

    static List<String> parseStrings(String json) {
        return read(json).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static JsonArray read(String json) {
        try (var reader = Jsonp.createReader(new StringReader(json == null ? "[]" : json))) {
            return reader.readArray();
        }
    }
}
