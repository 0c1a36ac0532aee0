package io.renlayer.proxy.stage;

import io.renlayer.core.keys.KeyScopes;
import io.renlayer.core.names.NamePattern;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.Stage;
import io.renlayer.proxy.pipeline.StageResult;

/**
 * Holds the call to what the key may reach: routes, models, providers, methods and streaming. A
 * refusal names the rule (the error's {@code param}) and never the key.
 */
public final class GuardKeyScopeStage implements Stage {

    @Override
    public StageResult apply(Exchange exchange) {
        KeyScopes scopes = exchange.key().scopes();
        if (!NamePattern.anyMatches(scopes.allowedRoutes(), exchange.route())) {
            return refuse("route_not_allowed", "allowedRoutes", "This key may not call " + exchange.route() + ".");
        }
        if (!NamePattern.anyMatches(scopes.allowedMethods(), exchange.method())) {
            return refuse("method_not_allowed", "allowedMethods", "This key may not use " + exchange.method() + ".");
        }
        if (exchange.model() != null && !NamePattern.anyMatches(scopes.allowedModels(), exchange.model())) {
            return refuse(
                    "model_not_allowed", "allowedModels", "This key may not use the model '" + exchange.model() + "'.");
        }
        if (exchange.upstream() != null
                && !NamePattern.anyMatches(
                        scopes.allowedProviders(), exchange.upstream().provider())) {
            return refuse(
                    "provider_not_allowed",
                    "allowedProviders",
                    "This key may not use the provider '" + exchange.upstream().provider() + "'.");
        }
        if (exchange.streamRequested() && !scopes.streaming()) {
            return refuse("streaming_not_allowed", "streaming", "This key may not stream responses.");
        }
        return StageResult.proceed();
    }

    private static StageResult refuse(String code, String rule, String message) {
        return StageResult.reject(ProxyError.notAllowed(code, rule, message));
    }
}
