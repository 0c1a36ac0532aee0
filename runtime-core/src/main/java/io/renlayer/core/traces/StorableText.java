package io.renlayer.core.traces;

/**
 * Text as PostgreSQL can store it. Its {@code text} type holds no NUL character and its
 * {@code jsonb} refuses the escape {@code \u0000}; either in one row made COPY refuse the whole
 * batch. Callers choose what reaches a trace (a body, a model name, a header), so a NUL is stored
 * as U+FFFD, the replacement character: the row keeps its place and length in characters.
 */
final class StorableText {

    static final char REPLACEMENT = '\uFFFD';
    private static final String NUL_ESCAPE = "\\u0000";
    private static final String REPLACEMENT_ESCAPE = "\\ufffd";

    private StorableText() {}

    /** The value with each NUL replaced; the same instance when it has none (the common case). */
    static String text(String value) {
        return value == null || value.indexOf('\0') < 0 ? value : value.replace('\0', REPLACEMENT);
    }

    /**
     * JSON text with each {@code \u0000} escape replaced (and any raw NUL). An escaped backslash
     * followed by {@code u0000} is text, not an escape, and is kept.
     */
    static String json(String json) {
        if (json == null || json.indexOf(NUL_ESCAPE) < 0) {
            return text(json);
        }
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\' && json.startsWith(NUL_ESCAPE, i)) {
                out.append(REPLACEMENT_ESCAPE);
                i += NUL_ESCAPE.length() - 1;
            } else if (c == '\\' && i + 1 < json.length()) {
                out.append(c).append(json.charAt(++i));
            } else {
                out.append(c == '\0' ? REPLACEMENT : c);
            }
        }
        return out.toString();
    }
}
