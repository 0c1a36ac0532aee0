package io.renlayer.proxy.inspect;

import io.renlayer.core.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The string values of a JSON document, unescaped: read them all, or rewrite each and serialise
 * again. Working on values rather than on the raw text keeps escapes intact, so a redaction can
 * never break the JSON it edits.
 */
public final class JsonStrings {

    private JsonStrings() {}

    public static Optional<JsonValue> parse(String text) {
        try (JsonReader reader = Jsonp.createReader(new StringReader(text))) {
            return Optional.of(reader.readValue());
        } catch (RuntimeException e) { // also Parsson's refusal of nesting past its limit, a bare RuntimeException
            return Optional.empty();
        }
    }

    /** Every string value (not object keys), joined by newlines. */
    public static String text(JsonValue value) {
        StringBuilder out = new StringBuilder();
        collect(value, s -> true, out);
        return out.toString();
    }

    /**
     * The string values of {@code json} that {@code wanted} keeps, joined by newlines, read with a
     * streaming parser: no tree, for when the document is only looked at. Empty when it is not JSON.
     */
    public static Optional<String> text(String json, Predicate<String> wanted) {
        StringBuilder out = new StringBuilder();
        try (JsonParser parser = Jsonp.createParser(new StringReader(json))) {
            while (parser.hasNext()) {
                if (parser.next() == JsonParser.Event.VALUE_STRING) {
                    String string = parser.getString();
                    if (wanted.test(string)) {
                        out.append(out.isEmpty() ? "" : "\n").append(string);
                    }
                }
            }
        } catch (RuntimeException e) { // also Parsson's refusal of nesting past its limit, a bare RuntimeException
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }

    /** The document with each occurrence of a secret replaced by its token. */
    public static JsonValue redact(JsonValue value, Map<String, String> tokenBySecret) {
        return map(value, s -> {
            String result = s;
            for (Map.Entry<String, String> e : tokenBySecret.entrySet()) {
                result = result.replace(e.getKey(), e.getValue());
            }
            return result;
        });
    }

    private static void collect(JsonValue value, Predicate<String> wanted, StringBuilder out) {
        switch (value.getValueType()) {
            case STRING -> {
                String string = ((JsonString) value).getString();
                if (wanted.test(string)) {
                    out.append(out.isEmpty() ? "" : "\n").append(string);
                }
            }
            case ARRAY -> value.asJsonArray().forEach(v -> collect(v, wanted, out));
            case OBJECT -> value.asJsonObject().values().forEach(v -> collect(v, wanted, out));
            default -> {}
        }
    }

    private static JsonValue map(JsonValue value, UnaryOperator<String> rewrite) {
        return switch (value.getValueType()) {
            case STRING -> Jsonp.createValue(rewrite.apply(((JsonString) value).getString()));
            case ARRAY -> {
                JsonArrayBuilder array = Jsonp.createArrayBuilder();
                value.asJsonArray().forEach(v -> array.add(map(v, rewrite)));
                yield array.build();
            }
            case OBJECT -> {
                JsonObjectBuilder object = Jsonp.createObjectBuilder();
                value.asJsonObject().forEach((k, v) -> object.add(k, map(v, rewrite)));
                yield object.build();
            }
            default -> value;
        };
    }
}
