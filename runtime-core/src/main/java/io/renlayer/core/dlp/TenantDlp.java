package io.renlayer.core.dlp;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant's own DLP configuration, compiled once per change: its rules (RE2 patterns; a keyword
 * list becomes one RE2 alternation, matched in a single linear pass) and the built-in finding
 * types it switched off.
 */
public final class TenantDlp {

    public static final String CUSTOM = "CUSTOM";
    public static final TenantDlp NONE = new TenantDlp(List.of(), Set.of());

    /** A rule as stored. */
    public record RuleSpec(
            String name, String kind, String pattern, List<String> keywords, boolean caseSensitive, String redaction) {}

    /** Where a rule matched, in characters of the scanned text. */
    public record RuleMatch(String rule, int start, int end, String redaction) {}

    private record CompiledRule(String name, Pattern pattern, String redaction) {}

    private final List<CompiledRule> rules;
    private final Set<String> disabledTypes;

    private TenantDlp(List<CompiledRule> rules, Set<String> disabledTypes) {
        this.rules = rules;
        this.disabledTypes = disabledTypes;
    }

    public static TenantDlp compile(List<RuleSpec> specs, Set<String> disabledTypes) {
        List<CompiledRule> compiled = new ArrayList<>(specs.size());
        for (RuleSpec spec : specs) {
            int flags = spec.caseSensitive() ? 0 : Pattern.CASE_INSENSITIVE;
            String regex = "keywords".equals(spec.kind()) ? keywordAlternation(spec.keywords()) : spec.pattern();
            compiled.add(new CompiledRule(
                    spec.name(), Pattern.compile(regex, flags), spec.redaction() == null ? "token" : spec.redaction()));
        }
        return new TenantDlp(List.copyOf(compiled), Set.copyOf(disabledTypes));
    }

    public boolean isEmpty() {
        return rules.isEmpty() && disabledTypes.isEmpty();
    }

    /** False for a built-in type the tenant switched off. */
    public boolean reports(String type) {
        return !disabledTypes.contains(type);
    }

    public Set<String> disabledTypes() {
        return disabledTypes;
    }

    public List<RuleMatch> scan(String text) {
        if (rules.isEmpty() || text.isEmpty()) {
            return List.of();
        }
        List<RuleMatch> matches = new ArrayList<>();
        for (CompiledRule rule : rules) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                if (m.end() > m.start()) {
                    matches.add(new RuleMatch(rule.name(), m.start(), m.end(), rule.redaction()));
                }
            }
        }
        return matches;
    }

    /** Whole words where the keyword starts or ends with a word character, so "ACME" does not match "ACMEX". */
    static String keywordAlternation(List<String> keywords) {
        return keywords.stream()
                .map(k -> (Character.isLetterOrDigit(k.charAt(0)) ? "\\b" : "")
                        + Pattern.quote(k)
                        + (Character.isLetterOrDigit(k.charAt(k.length() - 1)) ? "\\b" : ""))
                .collect(Collectors.joining("|", "(?:", ")"));
    }

    /** The stored column (comma-separated) as a set. */
    public static Set<String> parseTypes(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return Set.of(column.split(","));
    }
}
