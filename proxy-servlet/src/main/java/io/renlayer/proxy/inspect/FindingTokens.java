package io.renlayer.proxy.inspect;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What replaces a finding's text: its type token {@code [REDACTED:TYPE]} (the default), a mask of
 * the same length, or {@code [HASH:…]}, the first 12 hex digits of its HMAC under the tenant's key
 * ({@link RedactionKey}), which lets an investigator see that two redacted values were the same
 * without seeing either (per tenant rule). Without a key a hash falls back to the type token.
 */
public final class FindingTokens {

    private FindingTokens() {}

    /**
     * Each finding's text in {@code scannedText} mapped to its replacement, longest first, so that a
     * secret containing another is replaced whole: for rewriting values where offsets do not apply
     * (the string values of a JSON document).
     */
    public static Map<String, String> bySecret(String scannedText, List<DetectedFinding> findings) {
        Map<String, String> tokens = new LinkedHashMap<>();
        findings.stream()
                .sorted((a, b) -> Integer.compare(
                        b.finding().end() - b.finding().start(),
                        a.finding().end() - a.finding().start()))
                .forEach(f -> {
                    String secret = scannedText.substring(
                            f.finding().start(), f.finding().end());
                    tokens.putIfAbsent(secret, token(f, secret));
                });
        return tokens;
    }

    public static String token(DetectedFinding finding, String secret) {
        return switch (finding.redaction()) {
            case "mask" -> "*".repeat(secret.length());
            case "hash" ->
                finding.hashKey() == null
                        ? "[REDACTED:" + finding.finding().type() + "]"
                        : "[HASH:" + finding.hashKey().hashPrefix(secret) + "]";
            default -> "[REDACTED:" + finding.finding().type() + "]";
        };
    }

    /**
     * Replaces each finding's span with its type token. Overlapping findings become one token, of
     * the finding that starts first (the longest when two start together); the text around is kept.
     */
    public static String replace(String text, List<DetectedFinding> findings) {
        List<DetectedFinding> ordered = findings.stream()
                .filter(f -> f.finding().start() >= 0
                        && f.finding().start() < f.finding().end())
                .sorted(Comparator.comparingInt(
                                (DetectedFinding f) -> f.finding().start())
                        .thenComparing(Comparator.comparingInt(
                                        (DetectedFinding f) -> f.finding().end())
                                .reversed()))
                .toList();
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int index = 0;
        while (index < ordered.size()) {
            DetectedFinding first = ordered.get(index);
            int start = Math.max(first.finding().start(), copied);
            int end = Math.min(first.finding().end(), text.length());
            for (index++; index < ordered.size() && ordered.get(index).finding().start() < end; index++) {
                end = Math.min(Math.max(end, ordered.get(index).finding().end()), text.length());
            }
            if (start >= end) {
                continue;
            }
            out.append(text, copied, start).append(token(first, text.substring(start, end)));
            copied = end;
        }
        return out.append(text, Math.min(copied, text.length()), text.length()).toString();
    }
}
