package io.renlayer.plugins.dlp;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One text being scanned, with what several rules derive from it computed once: its lower-case
 * form and the anchors rules share (digit clusters, the positions of a keyword's character).
 * Each pass over a long text costs; rules should not each pay for the same one.
 */
final class ScanText {

    private final String text;
    private String lower;
    private final Map<Object, Object> derived = new HashMap<>(4);

    ScanText(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    String lower() {
        if (lower == null) {
            lower = text.toLowerCase(Locale.ROOT);
        }
        return lower;
    }

    /** Where {@code c} occurs, in the text or in its lower-case form; found once per scan. */
    int[] positionsOf(char c, boolean inLowerCase) {
        String haystack = inLowerCase ? lower() : text;
        return derived(new CharKey(c, inLowerCase), ignored -> {
            PatternRule.IntList found = new PatternRule.IntList();
            for (int i = haystack.indexOf(c); i >= 0; i = haystack.indexOf(c, i + 1)) {
                found.add(i);
            }
            return found.toArray();
        });
    }

    private record CharKey(char c, boolean inLowerCase) {}

    @SuppressWarnings("unchecked")
    <T> T derived(Object key, Function<String, T> compute) {
        return (T) derived.computeIfAbsent(key, k -> compute.apply(text));
    }
}
