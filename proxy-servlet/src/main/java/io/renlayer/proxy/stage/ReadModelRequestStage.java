package io.renlayer.proxy.stage;

import io.renlayer.core.plugins.GuardedProvider.ProviderFailedException;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.Stage;
import io.renlayer.proxy.pipeline.StageResult;
import io.renlayer.proxy.route.ProviderPath;
import io.renlayer.spi.upstream.BadModelRequest;
import io.renlayer.spi.upstream.ModelCall;
import io.renlayer.spi.upstream.ModelRequest;
import io.renlayer.spi.upstream.UpstreamProvider;

/**
 * Reads a call on a provider's own route with the provider itself: the dialect is the plugin's,
 * what the gateway decides on (model, stream, token cap, the text to inspect) comes back as a
 * {@link ModelRequest}. The call keeps its {@link ProviderPath}, whose upstream path names the
 * model, for a policy that routes it to another model.
 */
public final class ReadModelRequestStage implements Stage {

    private final UpstreamProvider provider;
    private final ProviderPath path;

    public ReadModelRequestStage(UpstreamProvider provider, ProviderPath path) {
        this.provider = provider;
        this.path = path;
    }

    @Override
    public StageResult apply(Exchange exchange) {
        ModelRequest request;
        try {
            request = provider.readRequest(
                    ModelCall.of(path.route(), exchange.address().target(), exchange.bodyText()));
        } catch (BadModelRequest refused) {
            return StageResult.reject(ProxyError.invalidBody(refused.param(), refused.getMessage()));
        } catch (ProviderFailedException failed) {
            return StageResult.reject(ProxyError.providerFailed(failed.provider()));
        }
        String model = request.model();
        if (model.chars().anyMatch(Character::isISOControl)) {
            return StageResult.reject(ProxyError.invalidBody("model", "'model' must not contain control characters."));
        }
        exchange.describedAs(model, request.stream(), request.promptText());
        exchange.otherText(request.otherText());
        exchange.maxTokens(Math.max(request.maxTokens(), exchange.maxTokens()));
        exchange.attach(path);
        return StageResult.proceed();
    }
}
