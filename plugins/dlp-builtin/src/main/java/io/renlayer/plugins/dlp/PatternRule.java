package io.renlayer.plugins.dlp;

import io.renlayer.spi.dlp.Finding;
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
record PatternRule(String type, List<String> keywords, Pattern pattern, int group, Predicate<String> valid,
        double confidence) {

    static PatternRule of(String type, List<String> keywords, String regex, Predicate<String> valid, double confidence) {
        return new PatternRule(type, keywords, Pattern.compile(regex), 0, valid, confidence);
    }

    static PatternRule grouped(String type, List<String> keywords, String regex, Predicate<String> valid,
            double confidence) {
        return new PatternRule(type, keywords, Pattern.compile(regex), 1, valid, confidence);
    }

    /** The findings of every rule whose keywords occur; {@code lower} is the text in lower case. */
    static List<Finding> scanAll(List<PatternRule> rules, String text, String lower) {
        List<Finding> findings = new java.util.ArrayList<>();
        for (PatternRule rule : rules) {
            if (rule.mayMatch(text, lower)) {
                rule.scan(text, findings);
            }
        }
        return findings;
    }

    /** True when a keyword occurs; {@code lower} is the text in lower case, computed once per scan. */
    boolean mayMatch(String text, String lower) {
        if (keywords.isEmpty()) {
            return true;
        }
        for (String keyword : keywords) {
            boolean caseless = keyword.equals(keyword.toLowerCase(Locale.ROOT));
            if ((caseless ? lower : text).contains(keyword)) {
                return true;
            }
        }
        return false;
    }

    void scan(String text, List<Finding> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String value = m.group(group);
            if (value != null && !value.isEmpty() && valid.test(value) && !Placeholders.isPlaceholder(value)) {
                into.add(Finding.of(type, m.start(group), m.end(group), confidence));
            }
        }
    }
}
