package io.renlayer.proxy.stage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.admin.runtime.KeySnapshot;
import io.renlayer.admin.runtime.UpstreamSnapshot;
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
    private final ResolveUpstreamStage stage = new ResolveUpstreamStage("openai",
            t -> t.equals(tenant) ? List.of(anthropicOnly, miniOnly, everything) : List.of(),
            id -> Optional.of(new NamedProvider(id)));

    @Test
    void picksTheFirstUpstreamOfTheDialectThatServesTheModel() {
        Exchange mini = exchange("{\"messages\":[{\"role\":\"user\",\"content\":\"{\\\"model\\\":\\\"x\\\"}\"}],"
                + "\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
        assertThat(stage.apply(mini).rejection()).isEmpty();
        assertThat(mini.upstream()).isSameAs(miniOnly);
        assertThat(mini.model()).isEqualTo("gpt-4o-mini");
        assertThat(mini.streamRequested()).isTrue();

        Exchange other = exchange("{\"model\":\"gpt-4.1\",\"messages\":[]}");
        assertThat(stage.apply(other).rejection()).isEmpty();
        assertThat(other.upstream()).isSameAs(everything);
        assertThat(other.streamRequested()).isFalse();
    }

    @Test
    void refusesBodiesItCannotRoute() {
        assertThat(rejection("not json").code()).isEqualTo("invalid_request");
        assertThat(rejection("[1,2]").code()).isEqualTo("invalid_request");
        assertThat(rejection("{\"messages\":[]}").param()).isEqualTo("model");
        assertThat(rejection("{\"model\":42}").param()).isEqualTo("model");
        assertThat(rejection("{\"model\":\"gpt-4o\"").code()).isEqualTo("invalid_request");
    }

    @Test
    void anotherTenantsUpstreamsAreNeverUsed() {
        Exchange exchange = new Exchange("req", "POST", "/v1/chat/completions", Map.of(),
                "{\"model\":\"gpt-4o\"}".getBytes(UTF_8));
        exchange.identifiedAs(key(UUID.randomUUID()));
        assertThat(stage.apply(exchange).rejection()).map(ProxyError::code).contains("model_not_found");
    }

    private ProxyError rejection(String body) {
        return stage.apply(exchange(body)).rejection().orElseThrow();
    }

    private Exchange exchange(String body) {
        Exchange exchange = new Exchange("req", "POST", "/v1/chat/completions", Map.of(), body.getBytes(UTF_8));
        exchange.identifiedAs(key(tenant));
        return exchange;
    }

    private static KeySnapshot key(UUID tenant) {
        return new KeySnapshot(UUID.randomUUID(), tenant, UUID.randomUUID(), null, "p", new byte[0], false, null, null);
    }

    private UpstreamSnapshot upstream(String provider, List<String> models) {
        return new UpstreamSnapshot(UUID.randomUUID(), tenant, provider + models, provider, "http://u", "c", models);
    }

    private record NamedProvider(String id) implements UpstreamProvider {
        @Override public String version() { return "test"; }
        @Override public Map<String, String> credentialHeaders(String credential) { return Map.of(); }
        @Override public Usage usageFromBody(byte[] body) { return Usage.UNKNOWN; }
        @Override public Usage usageFromEvent(String data) { return Usage.UNKNOWN; }
    }
}
