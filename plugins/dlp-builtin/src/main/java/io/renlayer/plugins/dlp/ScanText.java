package io.renlayer.plugins.dlp;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One text being scanned, with what several rules derive from it computed once: the digit
 * clusters and the keyword hits rules share. Each pass over a long text costs; rules should not
 * each pay for the same one.
 */
final class ScanText {

    private final String text;
    private final KeywordIndex keywords;
    private final Map<Object, Object> derived = new HashMap<>(4);
    private KeywordIndex.Hits hits;

    /** @param keywords the keywords of the rules that will scan this text */
    ScanText(String text, KeywordIndex keywords) {
        this.text = text;
        this.keywords = keywords;
    }

    String text() {
        return text;
    }

    /** Where each keyword occurs: one pass over the text, on first use. */
    KeywordIndex.Hits keywordHits() {
        // A field, not derived(): eighty rules ask, and a bound method reference per ask is garbage.
        if (hits == null) {
            hits = keywords.find(text);
        }
        return hits;
    }

    @SuppressWarnings("unchecked")
    <T> T derived(Object key, Function<String, T> compute) {
        return (T) derived.computeIfAbsent(key, k -> compute.apply(text));
    }
}
