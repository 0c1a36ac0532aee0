package io.renlayer.proxy.trace;

import io.renlayer.proxy.inspect.DetectedFinding;
import io.renlayer.proxy.inspect.TextScanner;
import io.renlayer.spi.dlp.ScanInput;
import java.util.Comparator;
import java.util.List;

/**
 * The bodies a trace stores: every DLP finding replaced by {@code [REDACTED:TYPE]}, whatever the
 * policies did to the forwarded copy, and cut to a bounded length. Runs on the trace writer's
 * thread, so the request never waits for it.
 */
public final class TraceBodies {

    public static final int STORED_LIMIT = 32 * 1024;
    static final String TRUNCATED = "\n[TRUNCATED]";

    private TraceBodies() {}

    public static String redacted(String raw, boolean alreadyTruncated, TextScanner scanner, String tenantId,
            ScanInput.Phase phase) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        String text = replaceFindings(raw, scanner.scan(raw, tenantId, phase).findings());
        boolean cut = alreadyTruncated || text.length() > STORED_LIMIT;
        return cut ? text.substring(0, Math.min(text.length(), STORED_LIMIT)) + TRUNCATED : text;
    }

    /**
     * Replaces each finding's span with its type token. Overlapping findings become one token, of
     * the finding that starts first (the longest when two start together); the text around is kept.
     */
    static String replaceFindings(String text, List<DetectedFinding> findings) {
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
