package io.renlayer.proxy.trace;

import io.renlayer.proxy.inspect.FindingTokens;
import io.renlayer.proxy.inspect.TextScanner;
import io.renlayer.spi.dlp.ScanInput;

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
        String text = FindingTokens.replace(raw, scanner.scan(raw, tenantId, phase).findings());
        boolean cut = alreadyTruncated || text.length() > STORED_LIMIT;
        return cut ? text.substring(0, Math.min(text.length(), STORED_LIMIT)) + TRUNCATED : text;
    }
}
