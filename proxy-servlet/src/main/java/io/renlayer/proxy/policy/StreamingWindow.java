package io.renlayer.proxy.policy;

import io.renlayer.proxy.inspect.DetectedFinding;
import io.renlayer.proxy.inspect.FindingTokens;
import java.util.List;
import java.util.function.Predicate;

/**
 * Redaction across streamed pieces of text: a secret split over two events is only visible once
 * both have arrived, so the end of the text seen so far is held back until it can no longer be
 * the beginning of a finding. Held back: the last {@link #WINDOW} characters, or more when the
 * text ends inside a run without whitespace (keys and tokens are such runs), or everything from an
 * unclosed PEM {@code -----BEGIN} marker (tracked by its markers, not by a window). Everything
 * before is released, redacted.
 */
final class StreamingWindow {

    /** Long enough for the spaced forms (cards, IBANs, phone numbers) that a whitespace run does not cover. */
    static final int WINDOW = 64;
    /** A run or PEM block this long is released anyway, so memory stays bounded. */
    static final int MAX_HELD = 64 * 1024;

    private static final String PEM_BEGIN = "-----BEGIN ";
    private static final String PEM_END = "-----END ";

    private final StringBuilder held = new StringBuilder();

    /** Adds the next piece; answers the text held so far, which the caller scans. */
    String append(String piece) {
        held.append(piece);
        return held.toString();
    }

    /**
     * What can go out now, redacted: all of it when {@code last}, else up to the safe boundary, never
     * cutting through a finding. The rest stays held.
     *
     * @param findings the detectors' findings over the text {@link #append} returned
     * @param redacts whether a finding is to be replaced by its token
     */
    String release(List<DetectedFinding> findings, boolean last, Predicate<DetectedFinding> redacts) {
        String text = held.toString();
        int boundary = last || text.length() > MAX_HELD ? text.length() : safeBoundary(text);
        for (DetectedFinding f : findings) {
            if (f.finding().start() < boundary && f.finding().end() > boundary) {
                boundary = f.finding().start();
            }
        }
        String released = redact(text.substring(0, boundary), findings, boundary, redacts);
        held.delete(0, boundary);
        return released;
    }

    boolean holding() {
        return !held.isEmpty();
    }

    static int safeBoundary(String text) {
        int boundary = Math.max(0, text.length() - WINDOW);
        int run = text.length();
        while (run > 0 && !Character.isWhitespace(text.charAt(run - 1))) {
            run--;
        }
        boundary = Math.min(boundary, run);
        int begin = text.lastIndexOf(PEM_BEGIN);
        if (begin >= 0 && text.indexOf(PEM_END, begin) < 0) {
            boundary = Math.min(boundary, begin);
        }
        return boundary;
    }

    private static String redact(
            String released, List<DetectedFinding> findings, int boundary, Predicate<DetectedFinding> redacts) {
        List<DetectedFinding> inside = findings.stream()
                .filter(f -> f.finding().end() <= boundary && redacts.test(f))
                .toList();
        return inside.isEmpty() ? released : FindingTokens.replace(released, inside);
    }
}
