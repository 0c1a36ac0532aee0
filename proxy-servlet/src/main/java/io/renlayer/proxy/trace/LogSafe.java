package io.renlayer.proxy.trace;

/** A caller-chosen value as it may appear in a log line: no line breaks or control characters, bounded. */
final class LogSafe {

    private static final int MAX = 80;

    private LogSafe() {}

    static String value(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX));
        for (int i = 0; i < value.length() && out.length() < MAX; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
