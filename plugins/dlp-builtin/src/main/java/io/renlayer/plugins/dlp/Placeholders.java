package io.renlayer.plugins.dlp;

import java.util.Locale;
import java.util.regex.Pattern;

/** Values that look like secrets but are documentation or templates: never reported. */
final class Placeholders {

    private static final Pattern TEMPLATE =
            Pattern.compile("\\$\\{[^}]*}|\\{\\{[^}]*}}|<[^>]*>|%[A-Z_]+%|\\$[A-Z_]{3,}");
    private static final Pattern REPEATED = Pattern.compile("(.)\\1{7,}");

    private Placeholders() {}

    static boolean isPlaceholder(String value) {
        return value.toUpperCase(Locale.ROOT).contains("EXAMPLE") || isTemplate(value);
    }

    /** A mask, a template or a fill-in: what a placeholder is, short of the word "example". */
    static boolean isTemplate(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        return upper.contains("XXXXXXXX")
                || upper.contains("PLACEHOLDER")
                || upper.contains("YOUR_")
                || upper.contains("YOUR-")
                || upper.contains("REDACTED")
                || TEMPLATE.matcher(value).find()
                || REPEATED.matcher(value).find();
    }
}
