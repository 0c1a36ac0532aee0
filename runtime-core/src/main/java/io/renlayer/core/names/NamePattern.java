package io.renlayer.core.names;

import java.util.List;

/** Allow-list patterns for models, routes and providers: {@code *}, an exact name, or {@code prefix*}. */
public final class NamePattern {

    private NamePattern() {}

    public static boolean matches(String pattern, String value) {
        if (value == null) {
            return false;
        }
        if (pattern.equals("*") || pattern.equals(value)) {
            return true;
        }
        return pattern.endsWith("*") && value.startsWith(pattern.substring(0, pattern.length() - 1));
    }

    public static boolean anyMatches(List<String> patterns, String value) {
        for (String pattern : patterns) {
            if (matches(pattern, value)) {
                return true;
            }
        }
        return false;
    }
}
