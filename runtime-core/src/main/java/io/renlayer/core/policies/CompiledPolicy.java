package io.renlayer.core.policies;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A policy ready to evaluate: its conditions as tests and its action resolved.
 *
 * @param findingTypes the types its conditions name; what REDACT replaces (all findings when empty)
 */
public record CompiledPolicy(
        UUID id,
        String name,
        int priority,
        Phase phase,
        List<Condition> conditions,
        Set<String> findingTypes,
        Function<PolicySubject, PolicyVerdict> action) {

    /** Why every condition holds, or null when one does not. An empty condition list always holds. */
    String match(PolicySubject subject) {
        StringBuilder why = new StringBuilder();
        for (Condition condition : conditions) {
            String reason = condition.reason(subject);
            if (reason == null) {
                return null;
            }
            why.append(why.isEmpty() ? "" : "; ").append(reason);
        }
        return why.isEmpty() ? "no conditions" : why.toString();
    }
}
