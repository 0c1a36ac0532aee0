package io.renlayer.plugins.dlp;

import io.renlayer.spi.dlp.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One finding type found by a regular expression, behind a cheap keyword prefilter, and confirmed
 * by a validator (checksum, structure, not a known example). The patterns are ours and written to
 * match in linear time: bounded repetitions, no nested quantifiers.
 *
 * @param keywords literal strings of which at least one must occur for the pattern to run; lower
 *                 case ones are looked for case-insensitively; empty runs the pattern always
 * @param group    the capturing group that is the finding (0 for the whole match)
 */
record PatternRule(
        String type,
        List<String> keywords,
        Pattern pattern,
        int group,
        Predicate<String> valid,
        double confidence,
        Anchor anchor,
        int before,
        int after) {

    /**
     * Where a match can be: positions every match contains or starts near (an '@', a digit, a
     * keyword). The pattern then runs only on the text around them ({@code before}/{@code after}:
     * at least the longest match), not from every position of the text: prose, which has few such
     * positions, costs little more than finding them.
     */
    @FunctionalInterface
    interface Anchor {
        /** The anchor positions in ascending order. */
        int[] positions(ScanText scan);

        static Anchor character(char c) {
            return scan -> {
                String text = scan.text();
                IntList found = new IntList();
                for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
                    found.add(i);
                }
                return found.toArray();
            };
        }

        /**
         * Occurrences of the keywords; lower-case ones are looked for case-insensitively. Each
         * keyword is found through its rarest character ({@link KeywordChar}): one vectorised
         * {@code indexOf} pass per case of it, then a check of the keyword around each hit.
         */
        static Anchor keywords(List<String> keywords) {
            List<KeywordChar> anchors = keywords.stream().map(KeywordChar::of).toList();
            return scan -> {
                IntList found = new IntList();
                for (KeywordChar anchor : anchors) {
                    anchor.occurrences(scan, found);
                }
                int[] sorted = found.toArray();
                Arrays.sort(sorted);
                return sorted;
            };
        }
    }

    /**
     * A keyword and the character of it that it is searched by: the one least common in prose, at
     * {@code offset} in the keyword. Lower-case keywords are matched ignoring case.
     * {@code firstChars} are the chars a match can start with: each case of the first when caseless.
     */
    record KeywordChar(String keyword, int offset, boolean caseless, char[] firstChars) {

        KeywordChar(String keyword, int offset, boolean caseless) {
            this(keyword, offset, caseless, cases(keyword.charAt(0), caseless));
        }

        /** The chars that match {@code c}: each of its cases when caseless, else {@code c} alone. */
        private static char[] cases(char c, boolean caseless) {
            return caseless ? CaseVariants.of(c) : new char[] {c};
        }

        /** Letters from most to least common in English text. */
        private static final String LETTERS_BY_FREQUENCY = "etaoinshrdlcumwfgypbvkjxqz";

        static KeywordChar of(String keyword) {
            int rarest = 0;
            for (int i = 1; i < keyword.length(); i++) {
                if (commonness(keyword.charAt(i)) < commonness(keyword.charAt(rarest))) {
                    rarest = i;
                }
            }
            return new KeywordChar(keyword, rarest, keyword.equals(keyword.toLowerCase(Locale.ROOT)));
        }

        /** A rough rank: spaces and common lower-case letters high, capitals and symbols low. */
        static int commonness(char c) {
            int letter = LETTERS_BY_FREQUENCY.indexOf(Character.toLowerCase(c));
            if (c == ' ') {
                return 100;
            }
            if (letter >= 0) {
                int rank = LETTERS_BY_FREQUENCY.length() - letter; // 26 for 'e' down to 1 for 'z'
                return Character.isUpperCase(c) ? rank / 4 : rank;
            }
            return c == '.' || c == ',' ? 20 : 2;
        }

        /**
         * Adds where the keyword starts, in no particular order. The hits are tested as they are
         * found: collecting the positions of a common letter first would cost a growing array per
         * scan of a long prompt.
         */
        void occurrences(ScanText scan, IntList into) {
            find(scan.text(), into);
        }

        /** Stops at the first occurrence. */
        boolean occursIn(ScanText scan) {
            return find(scan.text(), null);
        }

        /** Adds each start to {@code into}, or stops at the first without one; true if there is one. */
        private boolean find(String text, IntList into) {
            char anchor = keyword.charAt(offset);
            boolean found = false;
            for (char variant : cases(anchor, caseless)) {
                for (int at = text.indexOf(variant, offset); at >= 0; at = text.indexOf(variant, at + 1)) {
                    if (startsAt(text, at - offset)) {
                        if (into == null) {
                            return true;
                        }
                        into.add(at - offset);
                        found = true;
                    }
                }
            }
            return found;
        }

        /**
         * The first char is checked before the whole keyword: in prose most hits of the anchor are
         * no keyword, and a caseless {@code regionMatches} costs a case mapping per char compared.
         */
        private boolean startsAt(String text, int start) {
            return start >= 0
                    && isFirstChar(text, start)
                    && text.regionMatches(caseless, start, keyword, 0, keyword.length());
        }

        private boolean isFirstChar(String text, int start) { // start <= a hit of the anchor: inside the text
            char c = text.charAt(start);
            for (char first : firstChars) {
                if (c == first) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A growable int array: anchors can be many, boxing them would cost more than the scan. */
    static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    static PatternRule of(
            String type, List<String> keywords, String regex, Predicate<String> valid, double confidence) {
        return new PatternRule(type, keywords, Pattern.compile(regex), 0, valid, confidence, null, 0, 0);
    }

    static PatternRule grouped(
            String type, List<String> keywords, String regex, Predicate<String> valid, double confidence) {
        return new PatternRule(type, keywords, Pattern.compile(regex), 1, valid, confidence, null, 0, 0);
    }

    /** This rule, run only within {@code before} characters before and {@code after} after an anchor. */
    PatternRule near(Anchor anchor, int before, int after) {
        return new PatternRule(type, keywords, pattern, group, valid, confidence, anchor, before, after);
    }

    /** This rule, run only around its keywords: {@code before} characters before one, {@code after} after. */
    PatternRule nearKeywords(int before, int after) {
        return near(Anchor.keywords(keywords), before, after);
    }

    /** The findings of every rule. */
    static List<Finding> scanAll(List<PatternRule> rules, ScanText scan) {
        List<Finding> findings = new ArrayList<>();
        for (PatternRule rule : rules) {
            if (rule.anchor() != null) {
                rule.scan(scan, findings);
            } else if (rule.mayMatch(scan)) {
                rule.collect(rule.pattern().matcher(scan.text()), findings);
            }
        }
        return findings;
    }

    /** True when a keyword occurs (lower-case ones in any case), or the rule has none. */
    boolean mayMatch(ScanText scan) {
        if (keywords.isEmpty()) {
            return true;
        }
        for (String keyword : keywords) {
            if (KeywordChar.of(keyword).occursIn(scan)) {
                return true;
            }
        }
        return false;
    }

    void scan(ScanText scan, List<Finding> into) {
        String text = scan.text();
        if (anchor == null) {
            collect(pattern.matcher(text), into);
            return;
        }
        int[] anchors = anchor.positions(scan);
        if (anchors.length == 0) {
            return;
        }
        // Lookarounds see past a region's ends, so a region finds exactly what the whole text would.
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int n = text.length();
        int regionStart = -1;
        int regionEnd = -1;
        for (int at : anchors) {
            int start = Math.max(0, at - before);
            int end = Math.min(n, at + after + 1);
            if (regionEnd >= 0 && start <= regionEnd) {
                regionEnd = Math.max(regionEnd, end);
            } else {
                if (regionEnd >= 0) {
                    collect(m.region(regionStart, regionEnd), into);
                }
                regionStart = start;
                regionEnd = end;
            }
        }
        collect(m.region(regionStart, regionEnd), into);
    }

    void collect(Matcher m, List<Finding> into) {
        while (m.find()) {
            String value = m.group(group);
            if (value != null && !value.isEmpty() && valid.test(value) && !Placeholders.isPlaceholder(value)) {
                into.add(Finding.of(type, m.start(group), m.end(group), confidence));
            }
        }
    }
}
