package io.renlayer.plugins.dlp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/** The validations that turn a pattern match into a finding. */
final class Checksums {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Checksums() {}

    /** Luhn (ISO/IEC 7812) over the digits of the value, with a known card prefix and length. */
    static boolean creditCard(String value) {
        String digits = value.replaceAll("[ -]", "");
        if (digits.length() < 13
                || digits.length() > 19
                || digits.chars().distinct().count() == 1) {
            return false;
        }
        if (!knownIssuer(digits)) {
            return false;
        }
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    private static boolean knownIssuer(String d) {
        int two = Integer.parseInt(d.substring(0, 2));
        int four = Integer.parseInt(d.substring(0, 4));
        return d.charAt(0) == '4' // Visa
                || (two >= 51 && two <= 55)
                || (four >= 2221 && four <= 2720) // Mastercard
                || two == 34
                || two == 37 // American Express
                || d.startsWith("6011")
                || two == 65
                || (four >= 6440 && four <= 6499) // Discover
                || two == 35 // JCB
                || two == 36
                || two == 38
                || (four >= 3000 && four <= 3059) // Diners
                || two == 62; // UnionPay
    }

    /** ISO 13616: the country's length, then mod 97 of the rearranged number equals 1. */
    static boolean iban(String value) {
        String compact = value.replace(" ", "");
        Integer length = IbanLengths.of(compact.substring(0, 2));
        if (length == null || compact.length() != length) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder numeric = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    /** The SSA's rules: no area 000, 666 or 900-999, no group 00, no serial 0000, not the famous samples. */
    static boolean ssn(String value) {
        String[] parts = value.split("[- ]");
        if (parts.length != 3) {
            return false;
        }
        int area = Integer.parseInt(parts[0]);
        return area != 0
                && area != 666
                && area < 900
                && !parts[1].equals("00")
                && !parts[2].equals("0000")
                && !value.replaceAll("[- ]", "").equals("123456789")
                && !value.replaceAll("[- ]", "").equals("078051120")
                && !value.replaceAll("[- ]", "").equals("219099999");
    }

    /**
     * GitHub's token format: 30 random base62 characters after the prefix, then their CRC32 in
     * base62, left-padded to 6. Tokens that fail it are typos or inventions, not live credentials.
     */
    static boolean githubToken(String value) {
        int underscore = value.indexOf('_');
        String body = value.substring(underscore + 1);
        if (body.length() != 36) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(body.substring(0, 30).getBytes(StandardCharsets.US_ASCII));
        return base62(crc.getValue(), 6).equals(body.substring(30));
    }

    static String base62(long value, int width) {
        StringBuilder out = new StringBuilder();
        long v = value;
        do {
            out.append(BASE62.charAt((int) (v % 62)));
            v /= 62;
        } while (v > 0);
        while (out.length() < width) {
            out.append('0');
        }
        return out.reverse().toString();
    }

    /** A JWT's header decodes to a JSON object that names an algorithm. */
    static boolean jwt(String value) {
        String header = value.substring(0, value.indexOf('.'));
        try {
            String json = new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8);
            return json.startsWith("{") && json.contains("\"alg\"");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Bits of Shannon entropy per character. */
    static double entropy(String value) {
        int[] counts = new int[128];
        int other = 0;
        for (char c : value.toCharArray()) {
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        for (int n : counts) {
            if (n > 0) {
                double p = (double) n / value.length();
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        if (other > 0) {
            double p = (double) other / value.length();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }
}
