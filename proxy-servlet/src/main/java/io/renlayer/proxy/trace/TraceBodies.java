package io.renlayer.proxy.trace;

import io.renlayer.proxy.inspect.FindingTokens;
import io.renlayer.proxy.inspect.JsonStrings;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;
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

    /**
     * A JSON body is scanned as the prompt is: its string values unescaped (tool-call arguments
     * included), each finding replaced inside the value it was found in, so the stored body stays
     * valid JSON. Null when the body is not JSON (a captured event stream).
     */
    private static String redactJson(String raw, TextScanner scanner, String tenantId, ScanInput.Phase phase) {
        char first = raw.charAt(0);
        if (first != '{' && first != '[') {
            return null;
        }
        Optional<JsonValue> json = JsonStrings.parse(raw);
        if (json.isEmpty()) {
            return null;
        }
        String values = JsonStrings.text(json.get());
        Map<String, String> tokens = FindingTokens.bySecret(values, scanner.scan(values, tenantId, phase).findings());
        return tokens.isEmpty() ? raw : JsonStrings.redact(json.get(), tokens).toString();
    }

    public static String redacted(String raw, boolean alreadyTruncated, TextScanner scanner, String tenantId,
            ScanInput.Phase phase) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        String text = redactJson(raw, scanner, tenantId, phase);
        if (text == null) {
            text = FindingTokens.replace(raw, scanner.scan(raw, tenantId, phase).findings());
        }
        boolean cut = alreadyTruncated || text.length() > STORED_LIMIT;
        return cut ? text.substring(0, Math.min(text.length(), STORED_LIMIT)) + TRUNCATED : text;
    }
}
