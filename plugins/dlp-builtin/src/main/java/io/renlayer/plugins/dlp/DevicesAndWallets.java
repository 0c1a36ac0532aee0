package io.renlayer.plugins.dlp;

import io.renlayer.plugins.dlp.PatternRule.Anchor;
import io.renlayer.plugins.dlp.PatternRule.IntList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Presidio's global CRYPTO (Bitcoin and Ethereum addresses, by their checksums) and MAC_ADDRESS
 * (IEEE 802 in colon, dash and Cisco dot notation; not the all-zero and broadcast addresses).
 */
final class DevicesAndWallets {

    private DevicesAndWallets() {}

    static final List<PatternRule> RULES = List.of(
            PatternRule.of(
                            "CRYPTO",
                            List.of(),
                            "(?<![A-Za-z0-9])0x[0-9a-fA-F]{40}(?![A-Za-z0-9])",
                            CryptoAddresses::valid,
                            0.95)
                    .near(Anchors.literals("0x"), 0, 43),
            PatternRule.of(
                            "CRYPTO",
                            List.of(),
                            "(?<![A-Za-z0-9])(?:bc1[ac-hj-np-z02-9]{8,87}|BC1[AC-HJ-NP-Z02-9]{8,87})(?![A-Za-z0-9])",
                            CryptoAddresses::valid,
                            0.95)
                    .near(Anchors.literals("bc1", "BC1"), 0, 91),
            PatternRule.of(
                            "CRYPTO",
                            List.of(),
                            "(?<![A-Za-z0-9])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![A-Za-z0-9])",
                            CryptoAddresses::valid,
                            0.95)
                    .near(DevicesAndWallets::base58Starts, 0, 36),
            PatternRule.of(
                            "MAC_ADDRESS",
                            List.of(),
                            "(?<![0-9A-Fa-f:-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}(?![0-9A-Fa-f:-])",
                            DevicesAndWallets::realMac,
                            0.9)
                    .near(macSeparators(), 3, 16),
            PatternRule.of(
                            "MAC_ADDRESS",
                            List.of(),
                            "(?<![0-9A-Fa-f.])[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}(?![0-9A-Fa-f.])",
                            DevicesAndWallets::realMac,
                            0.85)
                    .near(Anchors.repeatedSeparators('.', 5), 4, 10));

    private static Anchor macSeparators() {
        Anchor colons = Anchors.repeatedSeparators(':', 3);
        Anchor dashes = Anchors.repeatedSeparators('-', 3);
        return scan -> {
            int[] a = colons.positions(scan);
            int[] b = dashes.positions(scan);
            if (a.length + b.length == 0) {
                return PatternRule.NONE;
            }
            int[] all = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            Arrays.sort(all);
            return all;
        };
    }

    /** Not all zeros or all ones, and at least one digit and one letter or varied digits (not a time like 10:45:00:00). */
    static boolean realMac(String value) {
        String hex = value.replaceAll("[:.-]", "").toLowerCase(Locale.ROOT);
        return !hex.chars().allMatch(c -> c == '0')
                && !hex.chars().allMatch(c -> c == 'f')
                && hex.chars().distinct().count() > 2;
    }

    private static int alphanumericRun(String text, int from) {
        int i = from;
        while (i < text.length() && i - from < 26 && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return i - from;
    }

    /** A 1 or 3 that starts a word of 26 letters and digits or more: where a legacy Bitcoin address begins. */
    private static int[] base58Starts(ScanText scan) {
        String text = scan.text();
        IntList found = new IntList();
        for (int[] cluster : Anchors.clusters(scan)) {
            int at = cluster[0];
            char c = text.charAt(at);
            if ((c == '1' || c == '3')
                    && (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && alphanumericRun(text, at) >= 26) {
                found.add(at);
            }
        }
        return found.toArray();
    }
}
