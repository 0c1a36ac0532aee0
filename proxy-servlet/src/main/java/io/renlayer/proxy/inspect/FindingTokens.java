package io.renlayer.proxy.inspect;

import java.util.Comparator;
import java.util.List;

/** Text with findings replaced by their type token, {@code [REDACTED:TYPE]}. */
public final class FindingTokens {

    private FindingTokens() {}

    /**
     * Replaces each finding's span with its type token. Overlapping findings become one token, of
     * the finding that starts first (the longest when two start together); the text around is kept.
     */
    public static String replace(String text, List<DetectedFinding> findings) {
        List<DetectedFinding> ordered = findings.stream()
                .filter(f -> f.finding().start() >= 0 && f.finding().start() < f.finding().end())
                .sorted(Comparator.comparingInt((DetectedFinding f) -> f.finding().start())
                        .thenComparing(Comparator.comparingInt((DetectedFinding f) -> f.finding().end()).reversed()))
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
            out.append(text, copied, start).append("[REDACTED:").append(first.finding().type()).append(']');
            copied = end;
        }
        return out.append(text, Math.min(copied, text.length()), text.length()).toString();
    }
}
