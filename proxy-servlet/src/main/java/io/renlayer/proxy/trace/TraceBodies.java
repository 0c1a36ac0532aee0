package io.renlayer.proxy.trace;

import io.renlayer.proxy.inspect.FindingTokens;
import io.renlayer.proxy.inspect.JsonStrings;
import io.renlayer.proxy.inspect.ScanResult;
import io.renlayer.proxy.inspect.TextScanner;
import io.renlayer.spi.dlp.ScanInput;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The bodies a trace stores: every DLP finding replaced by {@code [REDACTED:TYPE]}, whatever the
 * policies did to the forwarded copy, and cut to a bounded length. Runs on the trace writer's
 * thread, so the request never waits for it.
 */
public final class TraceBodies {

    public static final int STORED_LIMIT = 32 * 1024;
    static final String TRUNCATED = "\n[TRUNCATED]";
    /** Longest secret first, so that a secret containing another is replaced whole. */
    private static final Comparator<String> LONGEST_FIRST =
            Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder());

    private TraceBodies() {}

    /**
     * A body scanned afresh. A JSON body is scanned as the prompt is: its string values unescaped
     * (tool-call arguments included), each finding replaced inside the value it was found in, so
     * the stored body stays valid JSON.
     */
    public static String redacted(
            String raw, boolean alreadyTruncated, TextScanner scanner, String tenantId, ScanInput.Phase phase) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        Optional<String> strings = looksLikeJson(raw) ? JsonStrings.text(raw, value -> true) : Optional.empty();
        CharSequence text = strings.isPresent()
                ? redactJson(raw, tokens(strings.get(), scanner, tenantId, phase))
                : FindingTokens.replace(raw, scanner.scan(raw, tenantId, phase).findings());
        return bounded(text, alreadyTruncated).toString();
    }

    /**
     * The request body, redacted with what the request path already found in its prompt: only the
     * body's other strings (model, roles, tool definitions) are scanned again, not the prompt a
     * second time. When a detector failed on the prompt, or the body is not JSON, the whole body is
     * scanned afresh, so a stored body is never less redacted than a fresh scan would leave it.
     * {@code promptScan} is null when the call ended before its prompt was scanned;
     * {@code otherText} (the other strings, as the request path read them) is null when the request
     * path did not collect them, and they are then read from the body.
     *
     * @return the body itself (an {@link io.renlayer.core.traces.AsciiText} stays one, to be stored
     *     from its bytes) when it holds nothing to redact and fits the stored limit
     */
    public static CharSequence redactedRequest(
            CharSequence raw,
            String promptText,
            String otherText,
            ScanResult promptScan,
            TextScanner scanner,
            String tenantId) {
        boolean reusable = raw != null
                && !raw.isEmpty()
                && promptScan != null
                && !promptScan.anyFailed()
                && !promptText.isEmpty()
                && looksLikeJson(raw);
        Optional<String> rest = !reusable
                ? Optional.empty()
                : otherText != null
                        ? Optional.of(otherText)
                        : JsonStrings.text(raw.toString(), value -> !promptText.contains(value));
        if (rest.isEmpty()) {
            return redacted(raw == null ? null : raw.toString(), false, scanner, tenantId, ScanInput.Phase.REQUEST);
        }
        Map<String, String> tokens = new TreeMap<>(LONGEST_FIRST);
        tokens.putAll(FindingTokens.bySecret(promptText, promptScan.findings()));
        tokens.putAll(tokens(rest.get(), scanner, tenantId, ScanInput.Phase.REQUEST));
        return bounded(redactJson(raw, tokens), false);
    }

    private static boolean looksLikeJson(CharSequence raw) {
        char first = raw.charAt(0);
        return first == '{' || first == '[';
    }

    private static Map<String, String> tokens(
            String text, TextScanner scanner, String tenantId, ScanInput.Phase phase) {
        return text.isEmpty()
                ? Map.of()
                : FindingTokens.bySecret(
                        text, scanner.scan(text, tenantId, phase).findings());
    }

    /**
     * Most bodies hold nothing to redact, and are then stored as they came; a document is parsed
     * into a tree, to be rewritten value by value, only when one does.
     */
    private static CharSequence redactJson(CharSequence raw, Map<String, String> tokens) {
        return tokens.isEmpty()
                ? raw
                : JsonStrings.redact(JsonStrings.parse(raw.toString()).orElseThrow(), tokens)
                        .toString();
    }

    /** The text as it is when it fits (an {@code AsciiText} stays one), else its start and a mark. */
    private static CharSequence bounded(CharSequence text, boolean alreadyTruncated) {
        boolean cut = alreadyTruncated || text.length() > STORED_LIMIT;
        return cut ? text.subSequence(0, Math.min(text.length(), STORED_LIMIT)) + TRUNCATED : text;
    }
}
