package io.renlayer.core.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.Reader;

/**
 * JSON-P through one provider looked up once. {@code Json.createXxx} looks the provider up again
 * on every call (a service-loader scan, about 50 µs against 0.2 µs for the work itself), and the
 * proxy builds or parses JSON several times per request.
 */
public final class Jsonp {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {}

    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
        return PROVIDER.createObjectBuilder(object);
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonArrayBuilder createArrayBuilder(JsonArray array) {
        return PROVIDER.createArrayBuilder(array);
    }

    public static JsonReader createReader(Reader reader) {
        return PROVIDER.createReader(reader);
    }

    /**
     * A reader of UTF-8 bytes (bodies are checked to be UTF-8 before they are parsed), decoded as
     * they are read ({@link Utf8Reader}): no decoded copy of the whole body, and none of the 8 KiB
     * buffer per call that the stream variants' {@code InputStreamReader} keeps.
     */
    public static JsonReader createReader(byte[] utf8) {
        return PROVIDER.createReader(new Utf8Reader(utf8));
    }

    /** A parser of UTF-8 bytes; see {@link #createReader(byte[])}. */
    public static JsonParser createParser(byte[] utf8) {
        return createParser(new Utf8Reader(utf8));
    }

    public static JsonParser createParser(Reader reader) {
        return PROVIDER.createParser(reader);
    }

    public static JsonString createValue(String value) {
        return PROVIDER.createValue(value);
    }
}
