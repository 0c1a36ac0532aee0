package io.renlayer.plugins.dlp;

import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Credentials: provider keys by their documented formats (with GitHub's checksum and JWT header
 * checks), the token families of {@link TokenFamilies}, private keys by their PEM markers,
 * passwords in connection strings, URLs carrying tokens, and GENERIC_SECRET: a secret-like keyword
 * assigned a high-entropy value that is not a UUID, hash, commit id or made of words.
 */
final class SecretsDetector implements DlpDetector {

    /** The rules of the types introduced first: cloud and AI providers, GitHub, Slack, Stripe, JWTs, DSNs. */
    static final List<PatternRule> BASICS = List.of(
            PatternRule.of(
                            "AWS_ACCESS_KEY_ID",
                            List.of("AKIA", "ASIA", "ABIA", "ACCA", "A3T"),
                            "(?<![A-Z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Z0-9])",
                            v -> true,
                            0.99)
                    .nearKeywords(1, 21),
            PatternRule.grouped(
                            "AWS_SECRET_ACCESS_KEY",
                            List.of(),
                            "(?i)aws.{0,20}?(?:secret|sk|private).{0,20}?[\"'=:\\s]{1,4}([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
                            v -> Checksums.entropy(v) > 4.0,
                            0.9)
                    // The name precedes the key, outside its run: found by its own pass, in its usual forms.
                    .near(Anchors.literals("aws", "AWS", "Aws"), 0, 100),
            PatternRule.of(
                            "GITHUB_TOKEN",
                            List.of("gh", "github_pat_"),
                            "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])",
                            v -> v.startsWith("github_pat_") || Checksums.githubToken(v),
                            0.99)
                    .nearKeywords(1, 100),
            PatternRule.of(
                            "SLACK_TOKEN",
                            List.of("xox", "xapp-"),
                            "(?<![A-Za-z0-9-])(?:xox[abposre]-(?:[0-9]{6,}-){1,3}[A-Za-z0-9-]{8,72}"
                                    + "|xapp-\\d-[A-Z0-9]{8,20}-\\d{8,16}-[a-z0-9]{32,80})(?![A-Za-z0-9-])",
                            v -> true,
                            0.97)
                    .nearKeywords(1, 300),
            PatternRule.of(
                            "STRIPE_SECRET_KEY",
                            List.of("_live_", "_test_", "_prod_"),
                            "(?<![A-Za-z0-9_])(?:sk|rk)_(?:live|test|prod)_[0-9A-Za-z]{24,99}(?![A-Za-z0-9_])",
                            v -> true,
                            0.98)
                    .nearKeywords(3, 110),
            PatternRule.of(
                            "ANTHROPIC_API_KEY",
                            List.of("sk-ant-"),
                            "(?<![A-Za-z0-9_-])sk-ant-(?:api|admin|oat)\\d{2}-[A-Za-z0-9_-]{80,120}(?![A-Za-z0-9_-])",
                            v -> true,
                            0.99)
                    .nearKeywords(1, 140),
            PatternRule.of(
                            "OPENAI_API_KEY",
                            List.of("sk-"),
                            "(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{10,200}T3BlbkFJ[A-Za-z0-9_-]{10,200}(?![A-Za-z0-9_-])"
                                    + "|(?<![A-Za-z0-9_-])sk-[A-Za-z0-9]{48}(?![A-Za-z0-9_-])",
                            v -> !v.startsWith("sk-ant-"),
                            0.98)
                    .nearKeywords(1, 420),
            PatternRule.of(
                            "GOOGLE_API_KEY",
                            List.of("AIza"),
                            "(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])",
                            v -> true,
                            0.97)
                    .nearKeywords(1, 40),
            PatternRule.of(
                            "JWT",
                            List.of("eyJ"),
                            "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,4000}\\.eyJ[A-Za-z0-9_-]{8,8000}\\.[A-Za-z0-9_-]{8,2000}(?![A-Za-z0-9_-])",
                            Checksums::jwt,
                            0.95)
                    .nearKeywords(1, 14_100),
            PatternRule.grouped(
                            "DB_PASSWORD",
                            List.of(),
                            // The literal first (the scheme is checked behind it): the engine then skips to each "://".
                            "://(?<=(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}://)[^\\s:/@\"'`]{1,64}:([^\\s@/\"'`]{1,128})@[A-Za-z0-9.\\[\\]-]{1,253}",
                            SecretsDetector::realPassword,
                            0.95)
                    .near(Anchors.literals("://"), 22, 450), // a DSN can be shorter than a token
            PatternRule.of(
                            "URL",
                            List.of(),
                            "http(?<![A-Za-z0-9+.-]http)s?://[^\\s\"'<>`]{0,2000}[^\\s\"'<>`.,;:)\\]]",
                            UrlTokens::carriesCredential,
                            0.9)
                    .near(Anchors.literals("://"), 5, 2010));

    /** Every rule of this detector: the first types, then the token families. */
    static final List<PatternRule> RULES =
            Stream.concat(BASICS.stream(), TokenFamilies.RULES.stream()).toList();

    /** One automaton over every rule's keywords: a pass over the text finds them all. */
    private static final KeywordIndex KEYWORDS = new KeywordIndex(
            RULES.stream().flatMap(rule -> rule.keywords().stream()).toList());

    private static final Pattern PEM_BEGIN =
            Pattern.compile("-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY( BLOCK)?-----");
    private static final Pattern GENERIC = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|client[_-]?secret|auth)"
                    + "[A-Za-z0-9_-]{0,20}[\"']?\\s{0,3}(?::=|=>|[=:])\\s{0,3}[\"']?([A-Za-z0-9/+_.~!@#$%^&*=-]{16,200})");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final List<String> GENERIC_KEYWORDS =
            List.of("password", "passwd", "pwd", "secret", "token", "key", "auth");
    /** The keyword ends at most this far before its '=' or ':' (suffix, quote and spaces between). */
    private static final int KEYWORD_REACH = 30;

    static final PatternRule GENERIC_RULE = PatternRule.grouped(
                    "GENERIC_SECRET", GENERIC_KEYWORDS, GENERIC.pattern(), SecretsDetector::looksGenerated, 0.8)
            .near(SecretsDetector::assignments, KEYWORD_REACH + 20, 210);

    @Override
    public String id() {
        return "renlayer-secrets";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<Finding> scan(ScanInput input) {
        String text = input.text();
        ScanText scan = new ScanText(text, KEYWORDS);
        List<Finding> findings = PatternRule.scanAll(RULES, scan);
        if (text.contains("PRIVATE KEY")) {
            privateKeys(text, findings);
        }
        genericSecrets(scan, findings);
        return findings;
    }

    /** From BEGIN to its END marker, or to the end of the text when the block is cut off. */
    private static void privateKeys(String text, List<Finding> findings) {
        Matcher begin = PEM_BEGIN.matcher(text);
        int from = 0;
        while (from < text.length() && begin.find(from)) {
            String end = "-----END " + begin.group(1) + "PRIVATE KEY" + (begin.group(2) == null ? "" : begin.group(2))
                    + "-----";
            int endAt = text.indexOf(end, begin.end());
            int stop = endAt < 0 ? text.length() : endAt + end.length();
            findings.add(Finding.of("PRIVATE_KEY", begin.start(), stop, endAt < 0 ? 0.9 : 0.99));
            from = stop;
        }
    }

    /** Keyword-introduced values, unless a typed finding already covers them. */
    private static void genericSecrets(ScanText scan, List<Finding> findings) {
        List<Finding> generic = new ArrayList<>();
        GENERIC_RULE.scan(scan, generic);
        for (Finding f : generic) {
            if (!Overlaps.any(findings, f.start(), f.end())) {
                findings.add(f);
            }
        }
    }

    /**
     * The '=' and ':' that follow one of the keywords closely: a generic secret is assigned to a
     * name. Prose mentions tokens and keys all the time, but rarely assigns one.
     */
    private static int[] assignments(ScanText scan) {
        String text = scan.text();
        PatternRule.IntList found = new PatternRule.IntList();
        // Two indexOf scans (vectorised by the JIT) find the few '=' and ':' of prose quickest.
        int equals = text.indexOf('=');
        int colon = text.indexOf(':');
        while (equals >= 0 || colon >= 0) {
            int at = colon < 0 || equals >= 0 && equals < colon ? equals : colon;
            if (keywordBefore(text, at)) {
                found.add(at);
            }
            if (at == equals) {
                equals = text.indexOf('=', at + 1);
            } else {
                colon = text.indexOf(':', at + 1);
            }
        }
        return found.toArray();
    }

    private static boolean keywordBefore(String text, int at) {
        // Only this short stretch is lower-cased, not the whole text: '=' and ':' are rare in prose.
        String before = text.substring(Math.max(0, at - KEYWORD_REACH - 20), at).toLowerCase(Locale.ROOT);
        for (String keyword : GENERIC_KEYWORDS) {
            if (before.contains(keyword)) {
                return true;
            }
        }
        return false;
    }

    /**
     * High entropy and mixed character classes, not mostly dictionary words ({@link CommonWords}:
     * identifiers and pass phrases), and not an identifier that is public by design: UUIDs, hex
     * digests and commit ids (any length of pure hex), dotted names, paths.
     */
    static boolean looksGenerated(String value) {
        if (UUID.matcher(value).matches() || HEX.matcher(value).matches()) {
            return false;
        }
        if (value.chars().filter(Character::isLetter).count() == value.length()) {
            return false; // a word, or words glued together
        }
        boolean digit = value.chars().anyMatch(Character::isDigit);
        boolean letter = value.chars().anyMatch(Character::isLetter);
        return digit && letter && Checksums.entropy(value) >= 3.5 && !CommonWords.mostlyWords(value);
    }

    private static boolean realPassword(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        return !lower.equals("password")
                && !lower.equals("pass")
                && !lower.equals("secret")
                && !lower.equals("changeme")
                && !password.startsWith("$")
                && !password.startsWith("%")
                && !password.chars().allMatch(c -> c == '*' || c == 'x' || c == 'X');
    }
}
