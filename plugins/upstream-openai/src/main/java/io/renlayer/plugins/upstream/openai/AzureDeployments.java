package io.renlayer.plugins.upstream.openai;

import io.renlayer.spi.upstream.ForwardRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * Azure OpenAI's shape of the same API: {@code <base>/deployments/<deployment>/chat/completions
 * ?api-version=<version>} with an {@code api-key} header. The base URL is the resource's
 * {@code https://<resource>.openai.azure.com/openai}; the deployment is the upstream's
 * {@code deployment} setting, else the model the client asked for (deployments named after
 * models, the common setup).
 */
final class AzureDeployments {

    /** The JSON-P implementation this jar carries, by name: a lookup through the thread's context class loader would find the server's. */
    private static final JsonProvider JSON = new JsonProviderImpl();

    static final String FLAVOR = "azure";
    /** The routes Azure serves per deployment; others (the v1 Responses API) keep their path. */
    private static final List<String> DEPLOYMENT_ROUTES = List.of("/chat/completions", "/completions", "/embeddings");

    private AzureDeployments() {}

    static ForwardRequest prepare(ForwardRequest request, String credential, Map<String, String> settings) {
        ForwardRequest prepared = request.withoutHeader("Authorization").withHeader("api-key", credential);
        URI uri = request.uri();
        String path = uri.getRawPath();
        for (String route : DEPLOYMENT_ROUTES) {
            if (path.endsWith(route)) {
                String deployment = settings.getOrDefault("deployment", modelOf(request.body()));
                if (deployment == null || deployment.isBlank()) {
                    return prepared; // nothing to route by; Azure will answer with its own error
                }
                path = path.substring(0, path.length() - route.length()) + "/deployments/"
                        + URLEncoder.encode(deployment, StandardCharsets.UTF_8) + route;
                break;
            }
        }
        String query = "api-version=" + URLEncoder.encode(settings.get("apiVersion"), StandardCharsets.UTF_8);
        return prepared.withUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path + "?" + query));
    }

    static String invalid(Map<String, String> settings) {
        String version = settings.get("apiVersion");
        if (version == null || !version.matches("\\d{4}-\\d{2}-\\d{2}(-preview)?|preview|latest")) {
            return "an Azure upstream needs settings.apiVersion, e.g. 2024-10-21";
        }
        return null;
    }

    private static String modelOf(byte[] body) {
        try (JsonReader reader = JSON.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            JsonObject json = reader.readObject();
            return json.get("model") instanceof JsonString model ? model.getString() : null;
        } catch (RuntimeException notJson) { // Parsson refuses deep nesting with a bare RuntimeException
            return null;
        }
    }
}
