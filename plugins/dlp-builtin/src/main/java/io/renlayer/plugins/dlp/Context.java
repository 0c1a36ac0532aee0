package io.renlayer.plugins.dlp;

import java.util.List;
import java.util.Locale;

/**
 * Words that must occur near a match for it to count: what makes an identifier without a check
 * digit (or with a weak one) precise, as a person would read "NHS number 943 476 5919" but not
 * "order 943 476 5919". Words are matched ignoring case, as whole words where they start or end
 * with a letter or digit ("pan" is not found in "company").
 *
 * @param words  lower case, in the languages of the identifier's country and in English
 * @param before how far before the match a word may start
 * @param after  how far after the match a word may end
 */
record Context(List<String> words, int before, int after) {

    static Context of(String... words) {
        return new Context(List.of(words), 60, 30);
    }

    boolean around(String text, int start, int end) {
        int from = Math.max(0, start - before);
        int to = Math.min(text.length(), end + after);
        // JSON keys and variables name the context with underscores: tax_file_number.
        String window = text.substring(from, to).toLowerCase(Locale.ROOT).replace('_', ' ');
        for (String word : words) {
            for (int at = window.indexOf(word); at >= 0; at = window.indexOf(word, at + 1)) {
                if (bounded(window, at, word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean bounded(String window, int at, String word) {
        boolean startsWord = !Character.isLetterOrDigit(word.charAt(0))
                || at == 0
                || !Character.isLetterOrDigit(window.charAt(at - 1));
        int end = at + word.length();
        boolean endsWord = !Character.isLetterOrDigit(word.charAt(word.length() - 1))
                || end == window.length()
                || !Character.isLetterOrDigit(window.charAt(end));
        return startsWord && endsWord;
    }
}
