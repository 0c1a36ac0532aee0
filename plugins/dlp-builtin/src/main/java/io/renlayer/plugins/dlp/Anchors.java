package io.renlayer.plugins.dlp;

import io.renlayer.plugins.dlp.PatternRule.Anchor;
import io.renlayer.plugins.dlp.PatternRule.IntList;
import java.util.Arrays;
import java.util.List;

/** Anchors rules share: digit clusters, literals, separators. */
final class Anchors {

    /** The key under which a text's digit clusters are computed once and shared. */
    static final Object CLUSTERS = new Object();

    private Anchors() {}

    static List<int[]> clusters(ScanText scan) {
        return scan.derived(CLUSTERS, DigitClusters::of);
    }

    /** The starts of the digit clusters holding at least {@code digits} digits, and points along them. */
    static Anchor digitClusters(int digits) {
        return scan -> {
            IntList found = new IntList();
            for (int[] cluster : clusters(scan)) {
                if (cluster[2] >= digits) {
                    // Anchors along the whole cluster, so the regions cover it however long it is.
                    for (int at = cluster[0]; at < cluster[1]; at += 30) {
                        found.add(at);
                    }
                    found.add(cluster[1] - 1);
                }
            }
            return found.toArray();
        };
    }

    /**
     * The starts of the digit clusters of at least {@code digits} digits with a capital letter
     * beside them (a space or dash between allowed): where identifiers that mix letters and digits
     * (AB123456C, 12345678Z, ABCPE1234F) are. Prose numbers rarely touch a capital, so their
     * patterns run almost nowhere on prose.
     */
    static Anchor digitClustersBesideCapital(int digits) {
        return scan -> {
            String text = scan.text();
            IntList found = new IntList();
            for (int[] cluster : clusters(scan)) {
                if (cluster[2] >= digits && (capitalBefore(text, cluster[0]) || capitalAfter(text, cluster[1]))) {
                    found.add(cluster[0]);
                    found.add(cluster[1] - 1);
                }
            }
            return found.toArray();
        };
    }

    private static boolean capitalBefore(String text, int start) {
        return capital(text, start - 1) || gap(text, start - 1) && capital(text, start - 2);
    }

    private static boolean capitalAfter(String text, int end) {
        return capital(text, end) || gap(text, end) && capital(text, end + 1);
    }

    private static boolean capital(String text, int i) {
        return i >= 0 && i < text.length() && text.charAt(i) >= 'A' && text.charAt(i) <= 'Z';
    }

    private static boolean gap(String text, int i) {
        return i >= 0 && i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-');
    }

    /** Occurrences of any of the literals, case as written. */
    static Anchor literals(String... literals) {
        return scan -> {
            String text = scan.text();
            IntList found = new IntList();
            for (String literal : literals) {
                for (int i = text.indexOf(literal); i >= 0; i = text.indexOf(literal, i + 1)) {
                    found.add(i);
                }
            }
            int[] sorted = found.toArray();
            Arrays.sort(sorted);
            return sorted;
        };
    }

    /**
     * A separator ({@code :}, {@code -} or {@code .}) with the same one {@code gap} chars later and a
     * hex digit on both sides: how MAC addresses (and IPv6) are written.
     */
    static Anchor repeatedSeparators(char separator, int gap) {
        return scan -> {
            String text = scan.text();
            IntList found = new IntList();
            for (int i = text.indexOf(separator); i >= 0; i = text.indexOf(separator, i + 1)) {
                if (i + gap < text.length()
                        && text.charAt(i + gap) == separator
                        && hex(text, i - 1)
                        && hex(text, i + 1)) {
                    found.add(i);
                }
            }
            return found.toArray();
        };
    }

    static boolean hex(String text, int i) {
        return i >= 0 && i < text.length() && Character.digit(text.charAt(i), 16) >= 0;
    }
}
