package io.renlayer.plugins.upstream.gemini;

import io.renlayer.spi.config.ConfigProperty;
import io.renlayer.spi.upstream.ForwardRequest;
import io.renlayer.spi.upstream.GatewayError;
import io.renlayer.spi.upstream.ModelCall;
import io.renlayer.spi.upstream.ModelRequest;
import io.renlayer.spi.upstream.ProviderRoute;
import io.renlayer.spi.upstream.UpstreamProvider;
import io.renlayer.spi.upstream.Usage;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * Google's Gemini API, a dialect this plugin owns end to end: the routes Google's clients call
 * ({@code generateContent} and {@code streamGenerateContent}, under {@code /v1beta} and
 * {@code /v1}), reading their requests, Google's error shape, and {@code usageMetadata}. The
 * upstream's base URL includes the version ({@code https://generativelanguage.googleapis.com/v1beta}).
 * The credential is an API key ({@code x-goog-api-key}) or, with the upstream setting
 * {@code auth=bearer}, an OAuth access token.
 */
public final class GeminiProvider implements UpstreamProvider {

    /** The JSON-P implementation this jar carries, by name: a lookup through the thread's context class loader would find the server's. */
    private static final JsonProvider JSON = new JsonProviderImpl();

    static final ConfigProperty AUTH = ConfigProperty.of("auth", ConfigProperty.Type.CHOICE)
            .withLabel("Credential")
            .withHelp("apiKey sends it as x-goog-api-key; bearer as an OAuth access token")
            .withOptions(List.of("apiKey", "bearer"))
            .withDefault("apiKey");

    private static final List<ProviderRoute> ROUTES = declaredRoutes();

    private static List<ProviderRoute> declaredRoutes() {
        List<ProviderRoute> routes = new ArrayList<>();
        for (String version : List.of("/v1beta", "/v1")) {
            routes.add(
                    ProviderRoute.of(version + "/models/{model}:generateContent", "/models/{model}:generateContent"));
            routes.add(ProviderRoute.of(
                            version + "/models/{model}:streamGenerateContent", "/models/{model}:streamGenerateContent")
                    .streaming()
                    .passingQuery(List.of("alt")));
        }
        return List.copyOf(routes);
    }

    @Override
    public String id() {
        return "gemini";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<ConfigProperty> configProperties() {
        return List.of(AUTH);
    }

    @Override
    public List<ProviderRoute> routes() {
        return ROUTES;
    }

    @Override
    public ModelRequest readRequest(ModelCall call) {
        return GeminiRequests.read(JSON, call);
    }

    @Override
    public Map<String, String> credentialHeaders(String credential) {
        return Map.of("x-goog-api-key", credential);
    }

    @Override
    public ForwardRequest prepare(ForwardRequest request, String credential, Map<String, String> settings) {
        if ("bearer".equals(settings.get("auth"))) {
            return request.withHeader("authorization", "Bearer " + credential);
        }
        return prepare(request, credential);
    }

    @Override
    public String invalidSettings(Map<String, String> settings) {
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            if (!setting.getKey().equals("auth")) {
                return "the gemini provider takes only the setting auth (apiKey or bearer)";
            }
            String problem = AUTH.problemWith(setting.getValue());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** Google's shape: {@code {"error":{"code":403,"message":"…","status":"PERMISSION_DENIED"}}}. */
    @Override
    public String errorBody(GatewayError error) {
        return JSON.createObjectBuilder()
                .add(
                        "error",
                        JSON.createObjectBuilder()
                                .add("code", error.status())
                                .add("message", error.message())
                                .add("status", status(error.status())))
                .build()
                .toString();
    }

    private static String status(int http) {
        return switch (http) {
            case 400, 413, 415 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 405 -> "UNIMPLEMENTED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> "INTERNAL";
        };
    }

    @Override
    public Usage usageFromBody(byte[] body) {
        return usageIn(new String(body, StandardCharsets.UTF_8));
    }

    /** Each streamed chunk carries the usage so far; the last one, the whole. */
    @Override
    public Usage usageFromEvent(String data) {
        return data.contains("\"usageMetadata\"") ? usageIn(data) : Usage.UNKNOWN;
    }

    private static Usage usageIn(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            if (!(reader.readValue() instanceof JsonObject root)
                    || !(root.get("usageMetadata") instanceof JsonObject usage)) {
                return Usage.UNKNOWN;
            }
            return Usage.of(count(usage, "promptTokenCount"), count(usage, "candidatesTokenCount"));
        } catch (RuntimeException e) { // Parsson refuses deep nesting with a bare RuntimeException
            return Usage.UNKNOWN;
        }
    }

    private static long count(JsonObject usage, String name) {
        return usage.get(name) instanceof JsonNumber n && n.longValue() >= 0 ? n.longValue() : -1;
    }
}
