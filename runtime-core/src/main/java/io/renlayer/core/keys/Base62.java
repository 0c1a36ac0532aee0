package io.renlayer.core.keys;

import java.security.SecureRandom;

/** Random base62 strings for key material; base62 keeps keys free of delimiters and URL-safe. */
public final class Base62 {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Base62() {}

    public static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        byte[] buffer = new byte[length * 2];
        while (out.length() < length) {
            RANDOM.nextBytes(buffer);
            for (byte b : buffer) {
                int v = b & 0xff;
                // Reject 248..255 so every symbol is equally likely (248 = 4 * 62).
                if (v < 248 && out.length() < length) {
                    out.append(ALPHABET.charAt(v % 62));
                }
            }
        }
        return out.toString();
    }

    static boolean isBase62(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!ok) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
