package io.renlayer.proxy.pipeline;

import io.renlayer.proxy.error.ProxyError;
import java.util.Optional;

/** Either go on to the next stage, or answer the caller now with an error. */
public final class StageResult {

    private static final StageResult PROCEED = new StageResult(null);

    private final ProxyError rejection;

    private StageResult(ProxyError rejection) {
        this.rejection = rejection;
    }

    public static StageResult proceed() {
        return PROCEED;
    }

    public static StageResult reject(ProxyError error) {
        return new StageResult(error);
    }

    public Optional<ProxyError> rejection() {
        return Optional.ofNullable(rejection);
    }
}
