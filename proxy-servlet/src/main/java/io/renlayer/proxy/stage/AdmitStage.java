package io.renlayer.proxy.stage;

import io.renlayer.core.limits.Limits;
import io.renlayer.core.runtime.KeySnapshot;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.limits.Admission;
import io.renlayer.proxy.limits.AdmissionRequest;
import io.renlayer.proxy.limits.LimitScope;
import io.renlayer.proxy.limits.Limiter;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.Stage;
import io.renlayer.proxy.pipeline.StageResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks and reserves the tenant's, the agent's and the key's limits in one atomic step. What is
 * reserved is an estimate (prompt characters / 4, plus {@code max_tokens} or a default for the
 * answer), settled against the real usage when the call ends.
 */
public final class AdmitStage implements Stage {

    /** Completion tokens assumed when the request sets no {@code max_tokens}. */
    static final long DEFAULT_COMPLETION_ESTIMATE = 256;

    /** Admits a request; the boolean says whether the tenant fails open. */
    public interface Admitter {
        Admission admit(AdmissionRequest request, boolean failOpen);
    }

    /** Cost in micro-dollars of (model, prompt tokens, completion tokens). */
    public interface Pricing {
        long costMicros(String model, long promptTokens, long completionTokens);
    }

    private final Admitter admitter;
    private final Pricing pricing;

    public AdmitStage(Admitter admitter, Pricing pricing) {
        this.admitter = admitter;
        this.pricing = pricing;
    }

    @Override
    public StageResult apply(Exchange exchange) {
        KeySnapshot key = exchange.key();
        List<LimitScope> scopes = new ArrayList<>(3);
        add(scopes, "tenant", key.tenantId().toString(), key.limits().tenant());
        add(scopes, "agent", key.agentId().toString(), key.limits().agent());
        add(scopes, "key", key.id().toString(), key.limits().key());
        if (scopes.isEmpty()) {
            return StageResult.proceed(); // nothing to count: no round trip
        }
        long promptTokens = (exchange.promptText().length() + 3) / 4;
        long completionTokens = exchange.maxTokens() > 0 ? exchange.maxTokens() : DEFAULT_COMPLETION_ESTIMATE;
        AdmissionRequest request = new AdmissionRequest(
                key.tenantId().toString(),
                scopes,
                exchange.requestId(),
                System.currentTimeMillis(),
                promptTokens + completionTokens,
                pricing.costMicros(exchange.model(), promptTokens, completionTokens));
        Admission admission;
        try {
            admission = admitter.admit(request, key.tenant().redisFailOpen());
        } catch (Limiter.LimitsUnavailableException e) {
            return StageResult.reject(ProxyError.limitsUnavailable());
        }
        if (!admission.isAdmitted()) {
            return StageResult.reject(ProxyError.rateLimited(admission.refusal()));
        }
        exchange.reserved(admission.reservation());
        return StageResult.proceed();
    }

    private static void add(List<LimitScope> scopes, String level, String id, Limits limits) {
        if (limits != null && !limits.unlimited()) {
            scopes.add(new LimitScope(level, id, limits));
        }
    }
}
