package io.renlayer.proxy.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.core.keys.KeyScopes;
import io.renlayer.core.runtime.KeySnapshot;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.inspect.DetectedFinding;
import io.renlayer.proxy.inspect.ScanResult;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScanPromptStageTest {

    private static final ScanResult ONE_FAILED = new ScanResult(
            List.of(new DetectedFinding("emails", Finding.of("EMAIL_ADDRESS", 0, 4, 1.0))), List.of("broken"));

    @Test
    void scansThePromptOfTheCallersTenantAndKeepsTheFindings() {
        UUID tenant = UUID.randomUUID();
        Exchange exchange = exchange(tenant, false);
        ScanPromptStage stage = new ScanPromptStage((text, tenantId, phase) -> {
            assertThat(text).isEqualTo("a@b.c is mine");
            assertThat(tenantId).isEqualTo(tenant.toString());
            assertThat(phase).isEqualTo(ScanInput.Phase.REQUEST);
            return ONE_FAILED;
        });

        assertThat(stage.apply(exchange).rejection()).isEmpty();
        assertThat(exchange.requestScan()).isSameAs(ONE_FAILED);
    }

    @Test
    void aFailedDetectorDeniesTheCallWhenTheTenantSaysSo() {
        Exchange exchange = exchange(UUID.randomUUID(), true);
        assertThat(new ScanPromptStage((t, id, p) -> ONE_FAILED).apply(exchange).rejection())
                .map(ProxyError::code)
                .contains("inspection_failed");
        assertThat(new ScanPromptStage((t, id, p) -> ScanResult.NOTHING)
                        .apply(exchange(UUID.randomUUID(), true))
                        .rejection())
                .isEmpty();
    }

    private static Exchange exchange(UUID tenant, boolean denyOnPluginFailure) {
        Exchange exchange = new Exchange("req", "POST", "/v1/chat/completions", Map.of(), new byte[0]);
        exchange.identifiedAs(TestKeys.of(
                tenant,
                KeySnapshot.Secrets.of(new byte[0]),
                false,
                null,
                null,
                KeyScopes.UNRESTRICTED,
                new KeySnapshot.TenantSettings(denyOnPluginFailure, true)));
        exchange.describedAs("gpt-4o", false, "a@b.c is mine");
        return exchange;
    }
}
