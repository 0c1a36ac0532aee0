package io.renlayer.plugins.dlp;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import java.util.List;
import java.util.Locale;

/**
 * Personal data: EMAIL_ADDRESS, PHONE_NUMBER (libphonenumber, valid numbers only), CREDIT_CARD
 * (issuer and Luhn), IBAN_CODE (country length and mod 97), US_SSN (SSA rules), IP_ADDRESS.
 */
final class PiiDetector implements DlpDetector {

    /** National numbers are read as US numbers; numbers written with + are read for any country. */
    private static final String DEFAULT_REGION = "US";

    private static final List<PatternRule> RULES = List.of(
            PatternRule.of("EMAIL_ADDRESS", List.of("@"),
                    "(?:(?<=mailto:)|(?<![A-Za-z0-9._%+:/!#-]))[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,8}"
                            + "[A-Za-z]{2,24}(?![A-Za-z0-9-])",
                    v -> !v.contains("..") && !v.startsWith("."), 0.95),
            PatternRule.of("CREDIT_CARD", List.of(),
                    "(?<![\\d.-])(?:\\d[ -]?){12,18}\\d(?![\\d-]|\\.\\d)", Checksums::creditCard, 0.95),
            PatternRule.of("IBAN_CODE", List.of(),
                    "(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Za-z0-9])",
                    Checksums::iban, 0.95),
            PatternRule.of("US_SSN", List.of("-"),
                    "(?<![\\d-])\\d{3}-\\d{2}-\\d{4}(?![\\d-])", Checksums::ssn, 0.85),
            PatternRule.of("IP_ADDRESS", List.of("."),
                    "(?<![\\d.vV])(?<![Vv]ersion )(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\d]|\\.\\d)", IpAddresses::v4, 0.9),
            PatternRule.of("IP_ADDRESS", List.of(":"),
                    "(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\\d{1,3}\\.){3}\\d{1,3})?(?![0-9A-Fa-f:])",
                    v -> v.length() >= 6 && IpAddresses.v6(v) && !v.matches("\\d{1,2}:\\d{2}(:\\d{2})?"), 0.9));

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
        String lower = text.toLowerCase(Locale.ROOT);
        List<Finding> findings = PatternRule.scanAll(RULES, text, lower);
        if (hasDigitRun(text, 7)) {
            for (PhoneNumberMatch match : phones.findNumbers(text, DEFAULT_REGION, PhoneNumberUtil.Leniency.VALID,
                    Long.MAX_VALUE)) {
                if (!overlapsCard(findings, match.start(), match.end())) {
                    findings.add(Finding.of("PHONE_NUMBER", match.start(), match.end(), 0.85));
                }
            }
        }
        return findings;
    }

    /** Phone numbers have at least seven digits; most text has no such run and skips the phone parser. */
    private static boolean hasDigitRun(String text, int digits) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run >= digits) {
                    return true;
                }
            } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.' && c != '+') {
                run = 0;
            }
        }
        return false;
    }

    /** A card number is not also a phone number. */
    private static boolean overlapsCard(List<Finding> findings, int start, int end) {
        for (Finding f : findings) {
            if ((f.type().equals("CREDIT_CARD") || f.type().equals("IBAN_CODE") || f.type().equals("US_SSN")
                    || f.type().equals("IP_ADDRESS")) && f.start() < end && start < f.end()) {
                return true;
            }
        }
        return false;
    }
}
