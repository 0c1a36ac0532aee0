package io.renlayer.plugins.upstream.anthropic;

import io.renlayer.spi.upstream.ForwardRequest;
import io.renlayer.spi.upstream.UpstreamProvider;
import io.renlayer.spi.upstream.Usage;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * Anthropic's Messages API: the credential goes in {@code x-api-key}, {@code anthropic-version} is
 * the client's (or a default), and usage is {@code input_tokens} / {@code output_tokens}: in the
 * body, or streamed across {@code message_start} (input) and {@code message_delta} (output).
 */
public final class AnthropicProvider implements UpstreamProvider {

    /** The JSON-P implementation this jar carries, by name: a lookup through the thread's context class loader would find the server's. */
    private static final JsonProvider JSON = new JsonProviderImpl();

    static final String DEFAULT_VERSION = "2023-06-01";

    @Override
    public String id() {
        return "anthropic";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public Map<String, String> credentialHeaders(String credential) {
        return Map.of("x-api-key", credential);
    }

    @Override
    public ForwardRequest prepare(ForwardRequest request, String credential) {
        ForwardRequest prepared = UpstreamProvider.super.prepare(request, credential);
        return prepared.headers().containsKey("anthropic-version")
                ? prepared
                : prepared.withHeader("anthropic-version", DEFAULT_VERSION);
    }

    @Override
    public Usage usageFromBody(byte[] body) {
        try (JsonReader reader = JSON.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            return usageIn(reader.readValue() instanceof JsonObject root ? root.get("usage") : null);
        } catch (RuntimeException e) { // Parsson refuses deep nesting with a bare RuntimeException
            return Usage.UNKNOWN;
        }
    }

    @Override
    public Usage usageFromEvent(String data) {
        if (!data.contains("\"usage\"")) {
            return Usage.UNKNOWN;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(data))) {
            if (!(reader.readValue() instanceof JsonObject event)) {
                return Usage.UNKNOWN;
            }
            return switch (event.getString("type", "")) {
                case "message_start" ->
                    event.get("message") instanceof JsonObject message ? usageIn(message.get("usage")) : Usage.UNKNOWN;
                case "message_delta" -> usageIn(event.get("usage"));
                default -> Usage.UNKNOWN;
            };
        } catch (RuntimeException e) { // Parsson refuses deep nesting with a bare RuntimeException
            return Usage.UNKNOWN;
        }
    }

    private static Usage usageIn(JsonValue usage) {
        if (!(usage instanceof JsonObject u)) {
            return Usage.UNKNOWN;
        }
        return Usage.of(count(u, "input_tokens"), count(u, "output_tokens"));
    }

    private static long count(JsonObject usage, String name) {
        return usage.get(name) instanceof JsonNumber n && n.longValue() >= 0 ? n.longValue() : -1;
    }
}
