package io.renlayer.api.problems;

/**
 * One pass over a JSON body's bytes for what a valid body may still hold and the API will not
 * take: nesting deeper than any resource needs, and the escape of a NUL character. Malformed
 * JSON is left to the binder, which answers it with 400 itself.
 */
final class JsonShape {

    /** Deeper than any body of the API (a policy condition nests a few levels). */
    static final int MAX_DEPTH = 64;

    private JsonShape() {}

    /** Why the body is refused, or null. */
    static String problem(byte[] body) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (inString) {
                if (b == '\\' && i + 1 < body.length) {
                    if (body[i + 1] == 'u' && isNulEscape(body, i)) {
                        return "Text must not contain the NUL character (\\u0000).";
                    }
                    i++;
                } else if (b == '"') {
                    inString = false;
                } else if (b == 0) {
                    return "Text must not contain the NUL character (\\u0000).";
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                if (++depth > MAX_DEPTH) {
                    return "The request body is nested more than " + MAX_DEPTH + " levels deep.";
                }
            } else if (b == ']' || b == '}') {
                depth--;
            }
        }
        return null;
    }

    private static boolean isNulEscape(byte[] body, int backslash) {
        if (backslash + 5 >= body.length) {
            return false;
        }
        for (int k = 2; k <= 5; k++) {
            if (body[backslash + k] != '0') {
                return false;
            }
        }
        return true;
    }
}
