package io.renlayer.plugins.dlp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The characters equal to one ignoring case, as {@link String#regionMatches(boolean, int, String,
 * int, int)} compares them: 'k' is also 'K' and the Kelvin sign. Keywords are few and their
 * characters fewer, so each is worked out once, over every char.
 */
final class CaseVariants {

    private static final Map<Character, char[]> KNOWN = new ConcurrentHashMap<>();

    private CaseVariants() {}

    /** {@code c} first, then the others in ascending order. */
    static char[] of(char c) {
        return KNOWN.computeIfAbsent(c, CaseVariants::find);
    }

    private static char[] find(char c) {
        StringBuilder variants = new StringBuilder().append(c);
        String self = String.valueOf(c);
        for (int other = Character.MIN_VALUE; other <= Character.MAX_VALUE; other++) {
            if (other != c && self.regionMatches(true, 0, String.valueOf((char) other), 0, 1)) {
                variants.append((char) other);
            }
        }
        return variants.toString().toCharArray();
    }
}
