package io.renlayer.proxy.policy;

import io.renlayer.core.policies.PolicySubject;
import io.renlayer.proxy.inspect.DetectedFinding;
import io.renlayer.proxy.pipeline.Exchange;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The policy view of a live call. */
final class PolicySubjects {

    private PolicySubjects() {}

    static PolicySubject of(Exchange exchange, List<DetectedFinding> findings) {
        Map<String, Integer> counts = new HashMap<>();
        findings.forEach(f -> counts.merge(f.finding().type(), 1, Integer::sum));
        return new PolicySubject(
                exchange.key().tenantId(),
                exchange.key().agentId(),
                exchange.key().projectId(),
                exchange.key().id(),
                exchange.route(),
                exchange.upstream() == null ? null : exchange.upstream().provider(),
                exchange.model(),
                counts,
                (exchange.promptText().length() + 3) / 4,
                Instant.now(),
                exchange.headers());
    }
}
