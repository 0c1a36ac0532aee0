package io.renlayer.proxy.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.core.runtime.UpstreamSnapshot;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.spi.upstream.UpstreamProvider;
import io.renlayer.spi.upstream.Usage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResolveUpstreamStageTest {

    private final UUID tenant = UUID.randomUUID();
    private final UpstreamSnapshot anthropicOnly = upstream("anthropic", List.of("*"));
    private final UpstreamSnapshot miniOnly = upstream("openai", List.of("gpt-4o-mini"));
    private final UpstreamSnapshot everything = upstream("openai", List.of("*"));
    private final ResolveUpstreamStage stage = new ResolveUpstreamStage(
            "openai",
            t -> t.equals(tenant) ? List.of(anthropicOnly, miniOnly, everything) : List.of(),
            id -> Optional.of(new NamedProvider(id)));

    @Test
    void picksTheFirstUpstreamOfTheDialectThatServesTheModel() {
        Exchange mini = exchange(tenant, "gpt-4o-mini");
        assertThat(stage.apply(mini).rejection()).isEmpty();
        assertThat(mini.upstream()).isSameAs(miniOnly);
        assertThat(mini.provider().id()).isEqualTo("openai");

        Exchange other = exchange(tenant, "gpt-4.1");
        assertThat(stage.apply(other).rejection()).isEmpty();
        assertThat(other.upstream()).isSameAs(everything);
    }

    @Test
    void anotherTenantsUpstreamsAreNeverUsed() {
        assertThat(stage.apply(exchange(UUID.randomUUID(), "gpt-4o")).rejection())
                .map(ProxyError::code)
                .contains("model_not_found");
    }

    private static Exchange exchange(UUID tenant, String model) {
        Exchange exchange = new Exchange("req", "POST", "/v1/chat/completions", Map.of(), new byte[0]);
        exchange.identifiedAs(TestKeys.forTenant(tenant));
        exchange.describedAs(model, false, "");
        return exchange;
    }

    private UpstreamSnapshot upstream(String provider, List<String> models) {
        return new UpstreamSnapshot(
                UUID.randomUUID(),
                tenant,
                provider + models,
                provider,
                "http://u",
                "c",
                models,
                UpstreamSnapshot.Resilience.DEFAULTS,
                Map.of());
    }

    private record NamedProvider(String id) implements UpstreamProvider {
        @Override
        public String version() {
            return "test";
        }

        @Override
        public Map<String, String> credentialHeaders(String credential) {
            return Map.of();
        }

        @Override
        public Usage usageFromBody(byte[] body) {
            return Usage.UNKNOWN;
        }

        @Override
        public Usage usageFromEvent(String data) {
            return Usage.UNKNOWN;
        }
    }
}
