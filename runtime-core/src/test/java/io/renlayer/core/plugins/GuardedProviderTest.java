package io.renlayer.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.renlayer.core.plugins.GuardedProvider.ProviderFailedException;
import io.renlayer.spi.upstream.ForwardRequest;
import io.renlayer.spi.upstream.UpstreamProvider;
import io.renlayer.spi.upstream.Usage;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardedProviderTest {

    private static final Duration BUDGET = Duration.ofMillis(100);
    private static final ForwardRequest CALL =
            ForwardRequest.of("POST", URI.create("http://127.0.0.1:9/v1/x"), new byte[0]);

    @Test
    void aProviderThatThrowsReadingUsageYieldsUnknownUsageAndItsHealthSaysSo() {
        PluginHealth health = new PluginHealth();
        GuardedProvider provider = new GuardedProvider(new Misbehaving(Behaviour.THROW), health, false, BUDGET);

        assertThat(provider.usageFromEvent("{\"usage\":{}}")).isEqualTo(Usage.UNKNOWN);
        assertThat(provider.usageFromBody(new byte[] {1})).isEqualTo(Usage.UNKNOWN);
        assertThat(health.snapshot().failures()).isEqualTo(2);
        assertThat(health.snapshot().lastError()).contains("IllegalStateException");
    }

    @Test
    void aProviderThatHangsCostsTheCallItsBudgetAndNoMore() {
        PluginHealth health = new PluginHealth();
        GuardedProvider provider = new GuardedProvider(new Misbehaving(Behaviour.HANG), health, false, BUDGET);

        long started = System.nanoTime();
        Usage usage = provider.usageFromEvent("data");
        assertThatThrownBy(() -> provider.prepare(CALL, "secret", Map.of()))
                .isInstanceOf(ProviderFailedException.class)
                .extracting(e -> ((ProviderFailedException) e).provider())
                .isEqualTo("it-misbehaving");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(usage).isEqualTo(Usage.UNKNOWN);
        assertThat(took).isLessThan(Duration.ofMillis(1_000));
        assertThat(health.snapshot().timeouts()).isEqualTo(2);
    }

    @Test
    void aProviderThatPreparesNothingOrCannotCheckSettingsIsReportedNotObeyed() {
        GuardedProvider provider =
                new GuardedProvider(new Misbehaving(Behaviour.NULL), new PluginHealth(), true, BUDGET);

        assertThatThrownBy(() -> provider.prepare(CALL, "secret")).isInstanceOf(ProviderFailedException.class);
        assertThat(provider.usageFromBody(new byte[0])).isEqualTo(Usage.UNKNOWN);
        GuardedProvider throwing =
                new GuardedProvider(new Misbehaving(Behaviour.THROW), new PluginHealth(), true, BUDGET);
        assertThat(throwing.invalidSettings(Map.of("a", "b")))
                .isEqualTo("the provider 'it-misbehaving' could not check these settings (IllegalStateException)");
    }

    @Test
    void aWellBehavedProviderIsPassedThrough() {
        GuardedProvider provider =
                new GuardedProvider(new Misbehaving(Behaviour.WELL), new PluginHealth(), false, BUDGET);

        assertThat(provider.prepare(CALL, "secret", Map.of()).headers().get("authorization"))
                .containsExactly("Bearer secret");
        assertThat(provider.usageFromEvent("x").totalTokens()).isEqualTo(3);
    }

    private enum Behaviour {
        WELL,
        THROW,
        HANG,
        NULL
    }

    private record Misbehaving(Behaviour behaviour) implements UpstreamProvider {
        @Override
        public String id() {
            return "it-misbehaving";
        }

        @Override
        public String version() {
            return "0";
        }

        @Override
        public Map<String, String> credentialHeaders(String credential) {
            act();
            return behaviour == Behaviour.NULL ? null : Map.of("authorization", "Bearer " + credential);
        }

        @Override
        public ForwardRequest prepare(ForwardRequest request, String credential) {
            act();
            return behaviour == Behaviour.NULL ? null : UpstreamProvider.super.prepare(request, credential);
        }

        @Override
        public String invalidSettings(Map<String, String> settings) {
            act();
            return null;
        }

        @Override
        public Usage usageFromBody(byte[] body) {
            act();
            return behaviour == Behaviour.NULL ? null : Usage.of(1, 2);
        }

        @Override
        public Usage usageFromEvent(String data) {
            act();
            return behaviour == Behaviour.NULL ? null : Usage.of(1, 2);
        }

        private void act() {
            if (behaviour == Behaviour.THROW) {
                throw new IllegalStateException("provider bug");
            }
            if (behaviour == Behaviour.HANG) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
