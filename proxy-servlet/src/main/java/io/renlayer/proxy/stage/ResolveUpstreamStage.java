package io.renlayer.proxy.stage;

import io.renlayer.admin.runtime.UpstreamSnapshot;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.Stage;
import io.renlayer.proxy.pipeline.StageResult;
import io.renlayer.spi.upstream.UpstreamProvider;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads the requested model and stream flag from the body and picks the tenant's upstream that
 * serves the model in this route's dialect. Reads only the top-level fields it needs, skipping the
 * (possibly large) messages without building them.
 */
public final class ResolveUpstreamStage implements Stage {

    private final String dialect;
    private final Function<UUID, List<UpstreamSnapshot>> upstreamsOfTenant;
    private final Function<String, Optional<UpstreamProvider>> providers;

    public ResolveUpstreamStage(String dialect, Function<UUID, List<UpstreamSnapshot>> upstreamsOfTenant,
            Function<String, Optional<UpstreamProvider>> providers) {
        this.dialect = dialect;
        this.upstreamsOfTenant = upstreamsOfTenant;
        this.providers = providers;
    }

    @Override
    public StageResult apply(Exchange exchange) {
        String model = null;
        boolean stream = false;
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(exchange.body()))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return StageResult.reject(ProxyError.invalidBody(null, "The request body must be a JSON object."));
            }
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event != JsonParser.Event.KEY_NAME) {
                    continue; // END_OBJECT of the top level
                }
                String field = parser.getString();
                JsonParser.Event value = parser.next();
                switch (field) {
                    case "model" -> model = value == JsonParser.Event.VALUE_STRING ? parser.getString() : null;
                    case "stream" -> stream = value == JsonParser.Event.VALUE_TRUE;
                    default -> skip(parser, value);
                }
            }
        } catch (JsonParsingException | IllegalStateException e) {
            return StageResult.reject(ProxyError.invalidBody(null, "The request body is not valid JSON."));
        }
        if (model == null || model.isBlank()) {
            return StageResult.reject(ProxyError.invalidBody("model", "'model' is required and must be a string."));
        }
        exchange.describedAs(model, stream);

        for (UpstreamSnapshot upstream : upstreamsOfTenant.apply(exchange.key().tenantId())) {
            if (upstream.provider().equals(dialect) && upstream.serves(model)) {
                Optional<UpstreamProvider> provider = providers.apply(upstream.provider());
                if (provider.isPresent()) {
                    exchange.routeTo(upstream, provider.get());
                    return StageResult.proceed();
                }
            }
        }
        return StageResult.reject(ProxyError.modelNotFound(model));
    }

    private static void skip(JsonParser parser, JsonParser.Event value) {
        if (value == JsonParser.Event.START_OBJECT) {
            parser.skipObject();
        } else if (value == JsonParser.Event.START_ARRAY) {
            parser.skipArray();
        }
    }
}
