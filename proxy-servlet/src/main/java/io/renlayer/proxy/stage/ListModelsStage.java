package io.renlayer.proxy.stage;

import io.renlayer.core.json.Jsonp;
import io.renlayer.core.names.NamePattern;
import io.renlayer.core.runtime.KeySnapshot;
import io.renlayer.core.runtime.UpstreamSnapshot;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.Stage;
import io.renlayer.proxy.pipeline.StageResult;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code GET /v1/models}, answered by the gateway itself: the models this key may use, in OpenAI's
 * list shape. A model is listed when one of the tenant's upstreams names it (wildcard patterns name
 * nothing listable) and the key's {@code allowedModels} admits it.
 */
public final class ListModelsStage implements Stage {

    private final Function<UUID, List<UpstreamSnapshot>> upstreamsOfTenant;

    public ListModelsStage(Function<UUID, List<UpstreamSnapshot>> upstreamsOfTenant) {
        this.upstreamsOfTenant = upstreamsOfTenant;
    }

    @Override
    public StageResult apply(Exchange exchange) {
        KeySnapshot key = exchange.key();
        TreeMap<String, String> models = new TreeMap<>(); // model → provider, sorted
        for (UpstreamSnapshot upstream : upstreamsOfTenant.apply(key.tenantId())) {
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
                .add("id", id)
                .add("object", "model")
                .add("created", 0)
                .add("owned_by", provider)));
        exchange.answer(Jsonp.createObjectBuilder()
                .add("object", "list")
                .add("data", data)
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8));
        return StageResult.answered();
    }
}
