package io.renlayer.plugins.dlp;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One text being scanned, with what several rules derive from it computed once: the anchors rules
 * share (digit clusters). Each pass over a long text costs; rules should not each pay for the same
 * one. There is no lower-cased copy: caseless keywords are found through each case of their
 * character, and a long prompt is not copied.
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

    @SuppressWarnings("unchecked")
    <T> T derived(Object key, Function<String, T> compute) {
        return (T) derived.computeIfAbsent(key, k -> compute.apply(text));
    }
}
