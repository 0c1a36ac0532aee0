package io.renlayer.plugins.dlp;

import static io.renlayer.plugins.dlp.Anchors.digitClusters;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Personal data: EMAIL_ADDRESS, PHONE_NUMBER (libphonenumber, valid numbers only), CREDIT_CARD
 * (issuer and Luhn), IBAN_CODE (country length and mod 97), US_SSN (SSA rules), IP_ADDRESS, the
 * national identifiers of {@link EuropeanIds}, {@link AsiaPacificIds} and {@link AmericasIds}, and
 * {@link DevicesAndWallets}. docs/dlp.md has the catalog.
 */
final class PiiDetector implements DlpDetector {

    /** National numbers are read as US numbers; numbers written with + are read for any country. */
    private static final String DEFAULT_REGION = "US";

    /** The rules of the personal-data types here, before the national identifiers. */
    static final List<PatternRule> BASICS = List.of(
            PatternRule.judgingItsOwnExamples(
                            "EMAIL_ADDRESS",
                            "(?:(?<=mailto:)|(?<![A-Za-z0-9._%+:/!#-]))[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,8}"
                                    + "[A-Za-z]{2,24}(?![A-Za-z0-9-])",
                            EmailAddresses::real,
                            0.95)
                    .near(PiiDetector::addresses, 0, 30),
            PatternRule.of(
                            "CREDIT_CARD",
                            List.of(),
                            "(?<![\\dA-Za-z.-])(?:\\d[ -]?){12,18}\\d(?![\\dA-Za-z-]|\\.\\d)",
                            Checksums::creditCard,
                            0.95)
                    .near(digitClusters(13), 0, 45),
            PatternRule.of(
                            "IBAN_CODE",
                            List.of(),
                            "(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Za-z0-9])",
                            Checksums::iban,
                            0.95)
                    .near(PiiDetector::ibanStarts, 0, 50),
            PatternRule.of(
                            "US_SSN",
                            List.of(),
                            "(?<![\\d-])\\d{3}([- ])\\d{2}\\1\\d{4}(?![\\d-]|[.,]\\d)",
                            Checksums::ssn,
                            0.85)
                    .near(digitClusters(9), 0, 12),
            PatternRule.of("US_SSN", List.of(), "(?<![\\d-])\\d{9}(?![\\d-]|[.,]\\d)", Checksums::ssn, 0.85)
                    .near(digitClusters(9), 0, 10)
                    .inContext(Context.of("ssn", "social security", "social sec", "ss#", "ss #", "ss no")),
            PatternRule.of(
                            "IP_ADDRESS",
                            List.of(),
                            "(?<![\\d.vV])(?<![Vv]ersion )(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\d]|\\.\\d)",
                            IpAddresses::v4,
                            0.9)
                    .near(digitClusters(4), 0, 16),
            PatternRule.of(
                            "IP_ADDRESS",
                            List.of(),
                            "(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\\d{1,3}\\.){3}\\d{1,3})?(?![0-9A-Fa-f:])",
                            v -> v.length() >= 6 && IpAddresses.v6(v) && !v.matches("\\d{1,2}:\\d{2}(:\\d{2})?"),
                            0.9)
                    .near(PiiDetector::ipv6Colons, 46, 46));

    /** Every rule of this detector: the basics, then the identifiers by region, wallets and devices. */
    static final List<PatternRule> RULES = Stream.of(
                    BASICS, EuropeanIds.RULES, AsiaPacificIds.RULES, AmericasIds.RULES, DevicesAndWallets.RULES)
            .flatMap(List::stream)
            .toList();

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    @Override
    public String id() {
        return "renlayer-pii";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<Finding> scan(ScanInput input) {
        String text = input.text();
        ScanText scan = new ScanText(text, null);
        List<Finding> findings = withoutWeakerOverlaps(PatternRule.scanAll(RULES, scan));
        // The phone parser reads only the text around clusters of seven or more digits: most text has none.
        for (int[] region : phoneRegions(scan, findings)) {
            String part = text.substring(region[0], region[1]);
            for (PhoneNumberMatch match :
                    phones.findNumbers(part, DEFAULT_REGION, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                int start = region[0] + match.start();
                int end = region[0] + match.end();
                if (!Overlaps.any(findings, start, end) && !decimals(text, start, end)) {
                    findings.add(Finding.of("PHONE_NUMBER", start, end, 0.85));
                }
            }
        }
        return findings;
    }

    private static boolean digit(String text, int i) {
        char c = text.charAt(i);
        return c >= '0' && c <= '9';
    }

    /**
     * Points along each run that can be an address: from where the local part before an '@'
     * starts to where the domain after it ends, every 30 characters (the regions, 30 long, then
     * join into one per address). The pattern runs over the address, not over the 64 characters
     * before each '@' and the 260 after, which cost more than all other rules on a text with one.
     */
    private static int[] addresses(ScanText scan) {
        String text = scan.text();
        PatternRule.IntList found = new PatternRule.IntList();
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > 0 && at - start < 64 && localPartChar(text.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            while (end < text.length() && end - at <= 253 && domainChar(text.charAt(end))) {
                end++;
            }
            for (int i = start; i < end; i += 30) {
                found.add(i);
            }
            found.add(end);
        }
        return found.toArray();
    }

    private static boolean domainChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-';
    }

    private static boolean localPartChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "._%+-".indexOf(c) >= 0;
    }

    /** Colons with another colon close after, and a hex digit or colon beside: IPv6 has at least two. */
    private static int[] ipv6Colons(ScanText scan) {
        String text = scan.text();
        PatternRule.IntList found = new PatternRule.IntList();
        for (int i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
            int next = text.indexOf(':', i + 1);
            if (next > 0 && next - i <= 5 && (hexOrColon(text, i - 1) || hexOrColon(text, i + 1))) {
                found.add(i);
            }
        }
        return found.toArray();
    }

    private static boolean hexOrColon(String text, int i) {
        return i >= 0 && i < text.length() && (Character.digit(text.charAt(i), 16) >= 0 || text.charAt(i) == ':');
    }

    /** An ISO date (2026-11-22) has eight digits but is no phone number; such clusters skip the phone parser. */
    private static boolean isoDate(String text, int[] cluster) {
        return cluster[1] - cluster[0] == 10
                && cluster[2] == 8
                && text.charAt(cluster[0] + 4) == '-'
                && text.charAt(cluster[0] + 7) == '-';
    }

    /** Windows around clusters of seven or more digits, with room for a leading + or ( and context. */
    private static List<int[]> phoneRegions(ScanText scan, List<Finding> found) {
        List<int[]> regions = new ArrayList<>();
        for (int[] cluster : Anchors.clusters(scan)) {
            // A number already found as a card, IBAN or identifier is not read again as a phone.
            if (cluster[2] < 7 || isoDate(scan.text(), cluster) || Overlaps.any(found, cluster[0], cluster[1])) {
                continue;
            }
            int start = Math.max(0, cluster[0] - 24);
            int end = Math.min(scan.text().length(), cluster[1] + 8);
            if (!regions.isEmpty() && start <= regions.get(regions.size() - 1)[1]) {
                regions.get(regions.size() - 1)[1] = end;
            } else {
                regions.add(new int[] {start, end});
            }
        }
        return regions;
    }

    /**
     * Two capital letters and two digits: how every IBAN starts. A letter ends a digit cluster, so
     * the two digits start one: only the clusters' starts are looked at, not every position.
     */
    private static int[] ibanStarts(ScanText scan) {
        String text = scan.text();
        PatternRule.IntList found = new PatternRule.IntList();
        for (int[] cluster : Anchors.clusters(scan)) {
            int i = cluster[0] - 2;
            if (i >= 0
                    && i + 3 < text.length()
                    && digit(text, i + 3)
                    && Character.isUpperCase(text.charAt(i))
                    && Character.isUpperCase(text.charAt(i + 1))) {
                found.add(i);
            }
        }
        return found.toArray();
    }

    /**
     * One number, one type: where findings of two types share characters (an account number that
     * is also a valid card, a passport number that is also an ITIN), the less certain one goes.
     */
    static List<Finding> withoutWeakerOverlaps(List<Finding> findings) {
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            boolean weaker = false;
            for (Finding other : findings) {
                if (other != f
                        && !other.type().equals(f.type())
                        && other.start() < f.end()
                        && f.start() < other.end()
                        && other.confidence() > f.confidence()) {
                    weaker = true;
                    break;
                }
            }
            if (!weaker) {
                kept.add(f);
            }
        }
        return kept;
    }

    /**
     * Digits that are the fraction of a decimal number (coordinates such as 3.108387, -74.363177,
     * measurements) are no phone number: the match follows "digit." or contains ".digit" after a
     * digit without a space.
     */
    static boolean decimals(String text, int start, int end) {
        boolean fractionBefore =
                start >= 2 && text.charAt(start - 1) == '.' && Character.isDigit(text.charAt(start - 2));
        boolean fractionAfter =
                end + 1 < text.length() && text.charAt(end) == '.' && Character.isDigit(text.charAt(end + 1));
        return fractionBefore || fractionAfter;
    }
}
