package io.renlayer.plugins.dlp;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every keyword of a set of rules, found in one Aho-Corasick pass however many rules there are: a
 * catalog of a hundred token families costs one pass, not a hundred. The keywords are what tokens
 * start with or contain, so the automaton reads only the runs of text long enough to be a token
 * ({@link #SHORTEST_TOKEN}); a cheap pass over the chars finds them.
 *
 * <p>Keywords with capitals match exactly as written (token prefixes: {@code AKIA}, {@code eyJ}).
 * A lower-case keyword also matches in upper case and capitalised ({@code aws}, {@code AWS},
 * {@code Aws}), as names are written in code and configuration: each form is a word of the
 * automaton, so it runs over the text as it is, char by char, with no lower-cased copy or view
 * (a lower-casing view cost more than the automaton itself).
 */
final class KeywordIndex {

    private final AhoCorasickDoubleArrayTrie<int[]> automaton = new AhoCorasickDoubleArrayTrie<>();
    private final String[] keywords;
    private final Map<String, Integer> slots = new HashMap<>();

    KeywordIndex(Collection<String> all) {
        keywords = new LinkedHashSet<>(all).toArray(String[]::new);
        Map<String, Set<Integer>> slotsByForm = new TreeMap<>();
        for (int slot = 0; slot < keywords.length; slot++) {
            String keyword = keywords[slot];
            if (keyword.isEmpty()) {
                throw new IllegalArgumentException("an empty keyword");
            }
            slots.put(keyword, slot);
            for (String form : forms(keyword)) {
                slotsByForm.computeIfAbsent(form, k -> new TreeSet<>()).add(slot);
            }
        }
        Map<String, int[]> values = new TreeMap<>();
        slotsByForm.forEach((form, found) ->
                values.put(form, found.stream().mapToInt(Integer::intValue).toArray()));
        automaton.build(values);
    }

    /** The keyword as written; a lower-case one also in upper case and capitalised. */
    static Set<String> forms(String keyword) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(keyword);
        if (keyword.equals(keyword.toLowerCase(Locale.ROOT))) {
            forms.add(keyword.toUpperCase(Locale.ROOT));
            forms.add(Character.toUpperCase(keyword.charAt(0)) + keyword.substring(1));
        }
        return forms;
    }

    /**
     * The shortest token a keyword of this index starts or marks. Keywords are found only inside
     * runs of at least this many characters that can be part of a token: prose is made of short
     * runs, so the automaton reads little of it.
     */
    static final int SHORTEST_TOKEN = 20;

    /**
     * Where each keyword occurs in {@code text}: in the runs long enough to hold a token. The runs
     * are found the way Boyer-Moore finds a word: from a run's possible start, the char a token's
     * length later is read first, then back to the nearest breaking char, and the search jumps past
     * it. In prose that reads about one char in four.
     */
    Hits find(String text) {
        Hits hits = new Hits();
        int n = text.length();
        int start = 0; // text[start - 1], when there is one, breaks runs
        while (start + SHORTEST_TOKEN <= n) {
            int last = start + SHORTEST_TOKEN - 1;
            int breaking = last;
            while (breaking >= start && !breaksTokens(text.charAt(breaking))) {
                breaking--;
            }
            if (breaking >= start) {
                start = breaking + 1;
                continue;
            }
            int end = last + 1;
            while (end < n && !breaksTokens(text.charAt(end))) {
                end++;
            }
            int offset = start;
            automaton.parseText(text.substring(start, end), (AhoCorasickDoubleArrayTrie.IHit<int[]>)
                    (begin, stop, found) -> {
                        for (int slot : found) {
                            hits.add(slot, offset + begin);
                        }
                    });
            start = end + 1;
        }
        return hits;
    }

    private static final boolean[] BREAKS = new boolean[128];

    static {
        for (char c : " \t\n\r\"'`,;()[]{}<>|\\".toCharArray()) {
            BREAKS[c] = true;
        }
    }

    /** Whitespace, quotes and brackets: what no token contains and what delimits one in text, JSON and code. */
    static boolean breaksTokens(char c) {
        return c < 128 ? BREAKS[c] : Character.isWhitespace(c);
    }

    /** The starts of each keyword's occurrences, ascending. */
    final class Hits {
        /** Made on the first hit: most texts have none. */
        private PatternRule.IntList[] bySlot;

        private boolean any;

        private void add(int slot, int start) {
            if (bySlot == null) {
                bySlot = new PatternRule.IntList[keywords.length];
            }
            if (bySlot[slot] == null) {
                bySlot[slot] = new PatternRule.IntList();
            }
            bySlot[slot].add(start);
            any = true;
        }

        /** The starts of all occurrences of the keywords, ascending. */
        int[] positions(List<String> wanted) {
            if (!any) {
                return PatternRule.NONE;
            }
            PatternRule.IntList all = new PatternRule.IntList();
            for (String keyword : wanted) {
                PatternRule.IntList found = bySlot[slot(keyword)];
                if (found != null) {
                    all.addAll(found);
                }
            }
            int[] sorted = all.toArray();
            Arrays.sort(sorted);
            return sorted;
        }
    }

    private int slot(String keyword) {
        Integer slot = slots.get(keyword);
        if (slot == null) {
            throw new IllegalArgumentException("not a keyword of this index: " + keyword);
        }
        return slot;
    }
}
