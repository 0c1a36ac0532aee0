package io.renlayer.proxy.policy;

import io.renlayer.core.policies.PolicyDecision;
import io.renlayer.proxy.inspect.DetectedFinding;
import io.renlayer.proxy.inspect.FindingTokens;
import java.util.List;
import java.util.Map;

/** Which text a decision redacts, and what replaces it (see {@link FindingTokens}). */
final class Redaction {

    private Redaction() {}

    /** Secret text to its replacement, for the findings of types the decision's REDACT policies cover. */
    static Map<String, String> tokens(String scannedText, List<DetectedFinding> findings, PolicyDecision decision) {
        return FindingTokens.bySecret(
                scannedText,
                findings.stream()
                        .filter(f -> decision.redactsType(f.finding().type()))
                        .toList());
    }
}
