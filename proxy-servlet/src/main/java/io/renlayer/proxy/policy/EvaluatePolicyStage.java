package io.renlayer.proxy.policy;

import io.renlayer.core.json.Jsonp;
import io.renlayer.core.policies.AppliedPolicy;
import io.renlayer.core.policies.Phase;
import io.renlayer.core.policies.PolicyDecision;
import io.renlayer.core.policies.PolicyOutcome;
import io.renlayer.core.policies.PolicySet;
import io.renlayer.core.policies.PolicySubject;
import io.renlayer.core.runtime.UpstreamSnapshot;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.inspect.JsonStrings;
import io.renlayer.proxy.inspect.TextScanner;
import io.renlayer.proxy.pipeline.Address;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.Stage;
import io.renlayer.proxy.pipeline.StageResult;
import io.renlayer.proxy.route.ProviderPath;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Evaluates the tenant's policies on the request, after the prompt was scanned: DENY refuses the
 * call naming the policy, REDACT replaces the covered findings in the body that is forwarded, FLAG
 * marks the trace, ROUTE sends the call to another of the tenant's upstreams (and model). An action
 * that failed flags the trace, or refuses the call when the tenant refuses what it cannot inspect.
 * When the tenant has response policies, the answer is handed to {@link ResponsePolicyRewriter} on
 * its way back.
 */
public final class EvaluatePolicyStage implements Stage {

    private final Function<UUID, PolicySet> policiesOfTenant;
    private final Function<UUID, List<UpstreamSnapshot>> upstreamsOfTenant;
    private final TextScanner scanner;

    public EvaluatePolicyStage(
            Function<UUID, PolicySet> policiesOfTenant,
            Function<UUID, List<UpstreamSnapshot>> upstreamsOfTenant,
            TextScanner scanner) {
        this.policiesOfTenant = policiesOfTenant;
        this.upstreamsOfTenant = upstreamsOfTenant;
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
            if (applied.verdict().failed()) {
                exchange.flag("policy_action_failed:" + applied.name());
            } else if (applied.outcome() == PolicyOutcome.FLAG) {
                exchange.flag("policy:" + applied.name());
            }
        }
        if (decision.denied()) {
            return StageResult.reject(ProxyError.policyDenied(decision.denial().name()));
        }
        if (decision.actionFailed() && exchange.key().tenant().denyOnPluginFailure()) {
            return StageResult.reject(ProxyError.inspectionFailed());
        }
        if (decision.redacts()) {
            redactBody(exchange, decision);
        }
        Optional<AppliedPolicy> route = decision.route();
        if (route.isPresent()) {
            StageResult routed = routeElsewhere(exchange, route.get());
            if (routed != null) {
                return routed;
            }
        }
        if (policies.hasResponsePolicies()) {
            exchange.rewriteResponse(new ResponsePolicyRewriter(policies, exchange, scanner));
        }
        return StageResult.proceed();
    }

    /**
     * Sends the call to the upstream (and model) the policy names: one of the tenant's, enabled, of
     * the same dialect, serving the model. Only model calls can be routed; elsewhere the decision is
     * traced and the call goes where it was going.
     *
     * @return the refusal when the target cannot take the call, else null
     */
    private StageResult routeElsewhere(Exchange exchange, AppliedPolicy policy) {
        if (exchange.model() == null || exchange.upstream() == null) {
            exchange.flag("policy_route_ignored:" + policy.name());
            return null;
        }
        String name = policy.verdict().routeUpstream();
        String model = policy.verdict().routeModel() == null
                ? exchange.model()
                : policy.verdict().routeModel();
        Optional<UpstreamSnapshot> target = upstreamsOfTenant
                .apply(exchange.key().tenantId())
                .stream()
                .filter(u -> u.name().equals(name)
                        && u.provider().equals(exchange.upstream().provider())
                        && u.serves(model))
                .findFirst();
        if (target.isEmpty()) {
            return StageResult.reject(ProxyError.policyRouteUnavailable(policy.name(), name));
        }
        ProviderPath modelInPath = exchange.attachment(ProviderPath.class);
        if (!model.equals(exchange.model()) && modelInPath != null) { // the path names the model, not the body
            Address at = exchange.address();
            exchange.readdress(new Address(at.route(), model, modelInPath.upstreamPath(model, queryOf(at)), null));
            exchange.askFor(model);
        } else if (!model.equals(exchange.model())) {
            Optional<JsonValue> body = JsonStrings.parse(exchange.bodyText());
            if (body.isEmpty() || body.get().getValueType() != JsonValue.ValueType.OBJECT) {
                return StageResult.reject(ProxyError.policyRouteUnavailable(policy.name(), name));
            }
            exchange.replaceBody(Jsonp.createObjectBuilder(body.get().asJsonObject())
                    .add("model", model)
                    .build()
                    .toString());
            exchange.askFor(model);
        }
        exchange.routeTo(target.get(), exchange.provider()); // the same dialect: the same provider
        exchange.flag("policy_routed:" + policy.name());
        return null;
    }

    /** The query the address passed on to the upstream, to be passed on again. */
    private static String queryOf(Address address) {
        int q = address.upstreamPath().indexOf('?');
        return q < 0 ? null : address.upstreamPath().substring(q + 1);
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
