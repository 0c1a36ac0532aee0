package io.renlayer.proxy.policy;

import io.renlayer.core.policies.AppliedPolicy;
import io.renlayer.core.policies.Phase;
import io.renlayer.core.policies.PolicyDecision;
import io.renlayer.core.policies.PolicyOutcome;
import io.renlayer.core.policies.PolicySet;
import io.renlayer.core.policies.PolicySubject;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.inspect.JsonStrings;
import io.renlayer.proxy.inspect.TextScanner;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.Stage;
import io.renlayer.proxy.pipeline.StageResult;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Evaluates the tenant's policies on the request, after the prompt was scanned: DENY refuses the
 * call naming the policy, REDACT replaces the covered findings in the body that is forwarded, FLAG
 * marks the trace. When the tenant has response policies, the answer is handed to
 * {@link ResponsePolicyRewriter} on its way back.
 */
public final class EvaluatePolicyStage implements Stage {

    private final Function<UUID, PolicySet> policiesOfTenant;
    private final TextScanner scanner;

    public EvaluatePolicyStage(Function<UUID, PolicySet> policiesOfTenant, TextScanner scanner) {
        this.policiesOfTenant = policiesOfTenant;
        this.scanner = scanner;
    }

    @Override
    public StageResult apply(Exchange exchange) {
        PolicySet policies = policiesOfTenant.apply(exchange.key().tenantId());
        if (policies.isEmpty()) {
            return StageResult.proceed();
        }
        PolicySubject subject =
                PolicySubjects.of(exchange, exchange.requestScan().findings());
        PolicyDecision decision = policies.evaluate(Phase.REQUEST, subject);
        exchange.applied(decision.applied());
        for (AppliedPolicy applied : decision.applied()) {
            if (applied.outcome() == PolicyOutcome.FLAG) {
                exchange.flag("policy:" + applied.name());
            }
        }
        if (decision.denied()) {
            return StageResult.reject(ProxyError.policyDenied(decision.denial().name()));
        }
        if (decision.redacts()) {
            redactBody(exchange, decision);
        }
        if (policies.hasResponsePolicies()) {
            exchange.rewriteResponse(new ResponsePolicyRewriter(policies, exchange, scanner));
        }
        return StageResult.proceed();
    }

    private static void redactBody(Exchange exchange, PolicyDecision decision) {
        Map<String, String> tokens =
                Redaction.tokens(exchange.promptText(), exchange.requestScan().findings(), decision);
        if (tokens.isEmpty()) {
            return;
        }
        Optional<JsonValue> body = JsonStrings.parse(exchange.bodyText());
        if (body.isPresent()) { // the routes that scan prompts all carry JSON, already parsed once
            exchange.replaceBody(JsonStrings.redact(body.get(), tokens).toString());
            exchange.flag("request_redacted");
        }
    }
}
