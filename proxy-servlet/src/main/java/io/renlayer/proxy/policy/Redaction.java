package io.renlayer.proxy.policy;

import io.renlayer.admin.policies.PolicyDecision;
import io.renlayer.proxy.inspect.DetectedFinding;
import io.renlayer.proxy.inspect.FindingTokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which text a decision redacts, and what replaces it (see {@link FindingTokens}). */
final class Redaction {

    private Redaction() {}

    /** Secret text to its token, for the findings of types the decision's REDACT policies cover. */
    static Map<String, String> tokens(String scannedText, List<DetectedFinding> findings, PolicyDecision decision) {
        Map<String, String> tokens = new LinkedHashMap<>();
        findings.stream()
                .filter(f -> decision.redactsType(f.finding().type()))
                // Longest first, so a secret that contains another is replaced whole.
                .sorted((a, b) -> Integer.compare(length(b), length(a)))
                .forEach(f -> {
                    String secret = scannedText.substring(f.finding().start(), f.finding().end());
                    tokens.putIfAbsent(secret, FindingTokens.token(f, secret));
                });
        return tokens;
    }

    private static int length(DetectedFinding f) {
        return f.finding().end() - f.finding().start();
    }
}
