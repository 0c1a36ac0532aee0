package io.renlayer.proxy.pipeline;

import io.renlayer.proxy.error.ProxyError;
import java.util.Optional;

/**
 * Go on to the next stage; answer the caller now with an error; or, from a terminal stage, stop
 * because the gateway answered the call itself (the answer is on the exchange).
 */
public final class StageResult {

    private static final StageResult PROCEED = new StageResult(null, false);
    private static final StageResult ANSWERED = new StageResult(null, true);

    private final ProxyError rejection;
    private final boolean answered;

    private StageResult(ProxyError rejection, boolean answered) {
        this.rejection = rejection;
        this.answered = answered;
    }

    public static StageResult proceed() {
        return PROCEED;
    }

    public static StageResult reject(ProxyError error) {
        return new StageResult(error, false);
    }

    /** The stage put the gateway's own answer on the exchange ({@link Exchange#answer}). */
    public static StageResult answered() {
        return ANSWERED;
    }

    public Optional<ProxyError> rejection() {
        return Optional.ofNullable(rejection);
    }

    /** True when the call goes on to the next stage (or, after the last, upstream). */
    public boolean proceeds() {
        return this == PROCEED;
    }
}
