package io.renlayer.plugins.dlp;

import io.renlayer.spi.dlp.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One finding type found by a regular expression, run only around its anchors, and confirmed by a
 * validator (checksum, structure, not a known example). The patterns are ours and written to
 * match in linear time: bounded repetitions, no nested quantifiers.
 *
 * @param keywords literals a match contains, found for all rules at once by {@link KeywordIndex}
 *                 (as written; lower-case ones also in upper case and capitalised); the anchors
 *                 of {@link #nearKeywords}; empty for rules anchored otherwise
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
        int after,
        Context context) {

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

        /** Where the keywords start, from the scan's one pass over all keywords ({@link KeywordIndex}). */
        static Anchor keywords(List<String> keywords) {
            return scan -> scan.keywordHits().positions(keywords);
        }
    }

    /** No positions: shared, as most rules find none in most texts. */
    static final int[] NONE = new int[0];

    /**
     * A growable int array: anchors can be many, boxing them would cost more than the scan. The
     * array is made on the first value: a scan asks a hundred rules for anchors and most have none,
     * and short texts (a model name, a role) are scanned many times per call.
     */
    static final class IntList {
        private int[] values;
        private int size;

        void add(int value) {
            if (values == null) {
                values = new int[16];
            } else if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(IntList other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        int[] toArray() {
            return size == 0 ? NONE : Arrays.copyOf(values, size);
        }
    }

    /** A rule whose matches also must not be placeholders ({@link Placeholders}). */
    static PatternRule of(
            String type, List<String> keywords, String regex, Predicate<String> valid, double confidence) {
        return new PatternRule(
                type, keywords, Pattern.compile(regex), 0, notPlaceholder(valid), confidence, null, 0, 0, null);
    }

    /** Like {@link #of}, the finding being the pattern's first group. */
    static PatternRule grouped(
            String type, List<String> keywords, String regex, Predicate<String> valid, double confidence) {
        return new PatternRule(
                type, keywords, Pattern.compile(regex), 1, notPlaceholder(valid), confidence, null, 0, 0, null);
    }

    /** A rule whose validator alone judges what is an example (e-mail: reserved domains, not the word). */
    static PatternRule judgingItsOwnExamples(String type, String regex, Predicate<String> valid, double confidence) {
        return new PatternRule(type, List.of(), Pattern.compile(regex), 0, valid, confidence, null, 0, 0, null);
    }

    private static Predicate<String> notPlaceholder(Predicate<String> valid) {
        return v -> valid.test(v) && !Placeholders.isPlaceholder(v);
    }

    /** This rule, run only within {@code before} characters before and {@code after} after an anchor. */
    PatternRule near(Anchor anchor, int before, int after) {
        return new PatternRule(type, keywords, pattern, group, valid, confidence, anchor, before, after, context);
    }

    /**
     * This rule, reporting a match only with one of the context's words near it, and then with
     * {@link #IN_CONTEXT} confidence: shape, check and words together are stronger evidence than a
     * check digit alone, so "Steuer-ID 78312963506" is a German tax id even where the number also
     * passes PESEL's check.
     */
    PatternRule inContext(Context required) {
        return new PatternRule(type, keywords, pattern, group, valid, IN_CONTEXT, anchor, before, after, required);
    }

    static final double IN_CONTEXT = 0.96;

    /** This rule, run only around its keywords: {@code before} characters before one, {@code after} after. */
    PatternRule nearKeywords(int before, int after) {
        return near(Anchor.keywords(keywords), before, after);
    }

    /** The findings of every rule. */
    static List<Finding> scanAll(List<PatternRule> rules, ScanText scan) {
        List<Finding> findings = new ArrayList<>();
        for (PatternRule rule : rules) {
            rule.scan(scan, findings);
        }
        return findings;
    }

    void scan(ScanText scan, List<Finding> into) {
        String text = scan.text();
        if (anchor == null) {
            collect(pattern.matcher(text), text, into);
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
                    collect(m.region(regionStart, regionEnd), text, into);
                }
                regionStart = start;
                regionEnd = end;
            }
        }
        collect(m.region(regionStart, regionEnd), text, into);
    }

    void collect(Matcher m, String text, List<Finding> into) {
        while (m.find()) {
            String value = m.group(group);
            if (value != null
                    && !value.isEmpty()
                    && valid.test(value)
                    && (context == null || context.around(text, m.start(group), m.end(group)))) {
                into.add(Finding.of(type, m.start(group), m.end(group), confidence));
            }
        }
    }
}
