package io.renlayer.plugins.upstream.openai;

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
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * OpenAI and OpenAI-compatible upstreams: Bearer credential, {@code usage} object with
 * {@code prompt_tokens} and {@code completion_tokens}, in the body or in the last streamed chunk
 * (when the client asked for {@code stream_options.include_usage}).
 */
public final class OpenAiProvider implements UpstreamProvider {

    /** The JSON-P implementation this jar carries, by name: a lookup through the thread's context class loader would find the server's. */
    private static final JsonProvider JSON = new JsonProviderImpl();

    static final String ID = "openai";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public Map<String, String> credentialHeaders(String credential) {
        return Map.of("Authorization", "Bearer " + credential);
    }

    /**
     * Settings: {@code flavor} ({@code openai}, the default, for OpenAI and OpenAI-compatible servers
     * such as vLLM or LiteLLM; {@code azure} for Azure OpenAI, with {@code apiVersion} and an
     * optional {@code deployment}).
     */
    @Override
    public ForwardRequest prepare(ForwardRequest request, String credential, Map<String, String> settings) {
        return AzureDeployments.FLAVOR.equals(settings.get("flavor"))
                ? AzureDeployments.prepare(request, credential, settings)
                : prepare(request, credential);
    }

    @Override
    public String invalidSettings(Map<String, String> settings) {
        Set<String> unknown = new TreeSet<>(settings.keySet());
        unknown.removeAll(Set.of("flavor", "apiVersion", "deployment"));
        if (!unknown.isEmpty()) {
            return "unknown settings " + unknown + "; known: flavor, apiVersion, deployment";
        }
        String flavor = settings.getOrDefault("flavor", "openai");
        return switch (flavor) {
            case "openai" ->
                settings.containsKey("apiVersion") || settings.containsKey("deployment")
                        ? "apiVersion and deployment are for flavor azure"
                        : null;
            case AzureDeployments.FLAVOR -> AzureDeployments.invalid(settings);
            default -> "flavor must be openai or azure";
        };
    }

    @Override
    public Usage usageFromBody(byte[] body) {
        try (JsonReader reader = JSON.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            return usageOf(reader.readValue());
        } catch (RuntimeException e) { // Parsson refuses deep nesting with a bare RuntimeException
            return Usage.UNKNOWN;
        }
    }

    @Override
    public Usage usageFromEvent(String data) {
        // Most chunks carry no usage: skip parsing them.
        if (!data.contains("\"usage\"")) {
            return Usage.UNKNOWN;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(data))) {
            return usageOf(reader.readValue());
        } catch (RuntimeException e) { // Parsson refuses deep nesting with a bare RuntimeException
            return Usage.UNKNOWN;
        }
    }

    /**
     * Chat completions and embeddings say {@code prompt_tokens} / {@code completion_tokens}; the
     * Responses API says {@code input_tokens} / {@code output_tokens}, and streams its usage inside
     * the {@code response} of its final event.
     */
    private static Usage usageOf(JsonValue document) {
        if (!(document instanceof JsonObject root)) {
            return Usage.UNKNOWN;
        }
        JsonValue usage = root.get("usage");
        if (!(usage instanceof JsonObject) && root.get("response") instanceof JsonObject response) {
            usage = response.get("usage");
        }
        if (!(usage instanceof JsonObject u)) {
            return Usage.UNKNOWN;
        }
        long prompt = count(u, "prompt_tokens");
        long completion = count(u, "completion_tokens");
        return Usage.of(
                prompt >= 0 ? prompt : count(u, "input_tokens"),
                completion >= 0 ? completion : count(u, "output_tokens"));
    }

    private static long count(JsonObject usage, String name) {
        return usage.get(name) instanceof JsonNumber n && n.longValue() >= 0 ? n.longValue() : -1;
    }
}
