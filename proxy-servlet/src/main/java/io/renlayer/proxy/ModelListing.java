package io.renlayer.proxy;

import io.renlayer.admin.json.Jsonp;
import io.renlayer.admin.runtime.KeySnapshot;
import io.renlayer.admin.runtime.NamePattern;
import io.renlayer.admin.runtime.UpstreamSnapshot;
import io.renlayer.proxy.cache.ConfigCaches;
import io.renlayer.proxy.error.ErrorWriter;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.stage.AuthenticateKeyStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code GET /v1/models}: the models this key may use, in OpenAI's list shape. A model is listed
 * when one of the tenant's upstreams names it (wildcard patterns name nothing listable) and the
 * key's {@code allowedModels} admits it.
 */
@ApplicationScoped
public class ModelListing {

    @Inject
    private ConfigCaches caches;

    void list(HttpServletRequest request, HttpServletResponse response, String requestId, AuthenticateKeyStage authenticate)
            throws IOException {
        Exchange exchange = new Exchange(requestId, "GET", "/v1/models", RequestBodies.headers(request), new byte[0]);
        Optional<ProxyError> refused = authenticate.apply(exchange).rejection();
        if (refused.isPresent()) {
            ErrorWriter.write(response, refused.get(), requestId);
            return;
        }
        KeySnapshot key = exchange.key();
        TreeMap<String, String> models = new TreeMap<>(); // model → provider, sorted
        for (UpstreamSnapshot upstream : caches.upstreams(key.tenantId())) {
            if (!NamePattern.anyMatches(key.scopes().allowedProviders(), upstream.provider())) {
                continue;
            }
            for (String model : upstream.models()) {
                if (!model.contains("*") && NamePattern.anyMatches(key.scopes().allowedModels(), model)) {
                    models.putIfAbsent(model, upstream.provider());
                }
            }
        }
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        models.forEach((id, provider) -> data.add(Jsonp.createObjectBuilder()
                .add("id", id).add("object", "model").add("created", 0).add("owned_by", provider)));
        byte[] body = Jsonp.createObjectBuilder().add("object", "list").add("data", data).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("application/json");
        response.setHeader("x-request-id", requestId);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
