package io.renlayer.proxy.stage;

import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.inspect.ScanResult;
import io.renlayer.proxy.inspect.TextScanner;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.Stage;
import io.renlayer.proxy.pipeline.StageResult;
import io.renlayer.spi.dlp.ScanInput;

/**
 * Runs the detectors over the prompt and records their findings. When a detector fails, the
 * tenant's fail mode decides: {@code skip} goes on without it (the trace says so), {@code deny}
 * refuses the call rather than forward content nobody could inspect.
 */
public final class ScanPromptStage implements Stage {

    private final TextScanner scanner;

    public ScanPromptStage(TextScanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public StageResult apply(Exchange exchange) {
        ScanResult result =
                scanner.scan(exchange.promptText(), exchange.key().tenantId().toString(), ScanInput.Phase.REQUEST);
        exchange.inspected(result);
        if (result.anyFailed() && exchange.key().tenant().denyOnPluginFailure()) {
            return StageResult.reject(ProxyError.inspectionFailed());
        }
        return StageResult.proceed();
    }
}
