package io.renlayer.plugins.dlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A small dictionary (common-words.txt) that tells identifiers and phrases from generated values:
 * {@code getAccessTokenForUser2} and {@code Summer2024Welcome} are made of words; a random
 * secret is not. Used by GENERIC_SECRET, the one rule a keyword and entropy alone trip on code.
 */
final class CommonWords {

    private static final Set<String> WORDS = load();
    private static final int SHORTEST = 4;

    private CommonWords() {}

    /**
     * True when words of the dictionary cover at least half of the value's letters. The value is
     * cut into words at non-letters and where lower case turns upper (camelCase).
     */
    static boolean mostlyWords(String value) {
        int letters = 0;
        int inWords = 0;
        int start = -1;
        for (int i = 0; i <= value.length(); i++) {
            char c = i < value.length() ? value.charAt(i) : ' ';
            boolean letter = c < 128 && Character.isLetter(c);
            boolean camelBreak =
                    letter && start >= 0 && Character.isUpperCase(c) && Character.isLowerCase(value.charAt(i - 1));
            if (start >= 0 && (!letter || camelBreak)) {
                inWords += covered(value.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            if (letter) {
                letters++;
                if (start < 0) {
                    start = i;
                }
            }
        }
        return letters > 0 && inWords * 2 >= letters;
    }

    /** Letters of {@code run} covered by dictionary words, read greedily from the left, longest first. */
    private static int covered(String run) {
        int covered = 0;
        int i = 0;
        while (i < run.length()) {
            int found = 0;
            for (int end = run.length(); end - i >= SHORTEST; end--) {
                if (WORDS.contains(run.substring(i, end))) {
                    found = end - i;
                    break;
                }
            }
            covered += found;
            i += found > 0 ? found : 1;
        }
        return covered;
    }

    private static Set<String> load() {
        try (InputStream in = CommonWords.class.getResourceAsStream("common-words.txt")) {
            Set<String> words = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    for (String word : line.trim().split("\\s+")) {
                        if (word.length() >= SHORTEST) {
                            words.add(word);
                        }
                    }
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
