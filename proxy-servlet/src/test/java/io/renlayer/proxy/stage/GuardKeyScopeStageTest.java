package io.renlayer.proxy.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.core.keys.KeyScopes;
import io.renlayer.core.runtime.UpstreamSnapshot;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GuardKeyScopeStageTest {

    private final GuardKeyScopeStage stage = new GuardKeyScopeStage();

    @Test
    void anUnrestrictedKeyPasses() {
        assertThat(refusal(KeyScopes.UNRESTRICTED, "gpt-4o", true)).isEmpty();
    }

    @Test
    void eachScopeRefusesWithItsOwnRule() {
        assertThat(refusal(scopes(List.of("/v1/embeddings"), List.of("*"), List.of("*"), true), "gpt-4o", false))
                .map(ProxyError::param)
                .contains("allowedRoutes");
        assertThat(refusal(scopes(List.of("*"), List.of("gpt-4o-mini*"), List.of("*"), true), "gpt-4o", false))
                .map(ProxyError::param)
                .contains("allowedModels");
        assertThat(refusal(scopes(List.of("*"), List.of("*"), List.of("anthropic"), true), "gpt-4o", false))
                .map(ProxyError::param)
                .contains("allowedProviders");
        assertThat(refusal(scopes(List.of("*"), List.of("*"), List.of("*"), false), "gpt-4o", true))
                .map(ProxyError::code)
                .contains("streaming_not_allowed");
    }

    @Test
    void wildcardsAdmitWhatTheyCover() {
        KeyScopes scopes = scopes(List.of("/v1/*"), List.of("gpt-4o*", "o3"), List.of("openai"), false);
        assertThat(refusal(scopes, "gpt-4o-mini", false)).isEmpty();
        assertThat(refusal(scopes, "o3", false)).isEmpty();
        assertThat(refusal(scopes, "o3-mini", false)).map(ProxyError::status).contains(403);
    }

    private Optional<ProxyError> refusal(KeyScopes scopes, String model, boolean stream) {
        Exchange exchange = new Exchange("req", "POST", "/v1/chat/completions", Map.of(), new byte[0]);
        exchange.identifiedAs(TestKeys.withScopes(scopes));
        exchange.describedAs(model, stream, "");
        exchange.routeTo(
                new UpstreamSnapshot(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "u",
                        "openai",
                        "http://u",
                        "c",
                        List.of("*"),
                        UpstreamSnapshot.Resilience.DEFAULTS,
                        Map.of()),
                null);
        return stage.apply(exchange).rejection();
    }

    private static KeyScopes scopes(
            List<String> routes, List<String> models, List<String> providers, boolean streaming) {
        return new KeyScopes(routes, models, providers, List.of("*"), streaming);
    }
}
