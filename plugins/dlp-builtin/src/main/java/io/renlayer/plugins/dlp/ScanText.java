package io.renlayer.plugins.dlp;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One text being scanned, with what several rules derive from it computed once: the anchors rules
 * share (digit clusters, the positions of a keyword's character). Each pass over a long text
 * costs; rules should not each pay for the same one. There is no lower-cased copy: caseless
 * keywords are found through each case of their character, and a long prompt is not copied.
 */
final class ScanText {

    private final String text;
    private final Map<Object, Object> derived = new HashMap<>(4);

    ScanText(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /**
     * Where {@code c} occurs, in ascending order; with {@code caseless}, also where a character
     * equal to it ignoring case does (as {@link String#regionMatches(boolean, int, String, int, int)}
     * compares them). Found once per scan.
     */
    int[] positionsOf(char c, boolean caseless) {
        return derived(new CharKey(c, caseless), ignored -> {
            PatternRule.IntList found = new PatternRule.IntList();
            int casesFound = 0;
            for (char variant : caseless ? CaseVariants.of(c) : new char[] {c}) {
                int i = text.indexOf(variant);
                casesFound += i >= 0 ? 1 : 0;
                for (; i >= 0; i = text.indexOf(variant, i + 1)) {
                    found.add(i);
                }
            }
            int[] positions = found.toArray();
            if (casesFound > 1) {
                java.util.Arrays.sort(positions);
            }
            return positions;
        });
    }

    private record CharKey(char c, boolean caseless) {}

    @SuppressWarnings("unchecked")
    <T> T derived(Object key, Function<String, T> compute) {
        return (T) derived.computeIfAbsent(key, k -> compute.apply(text));
    }
}
