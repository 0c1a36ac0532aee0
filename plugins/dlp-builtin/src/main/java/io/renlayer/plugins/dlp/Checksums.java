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
        if (!cardGrouping(value)
                || digits.length() < 13
                || digits.length() > 19
                || digits.chars().distinct().count() == 1) {
            return false;
        }
        if (!knownIssuer(digits) || !issuerLength(digits)) {
            return false;
        }
        return luhn(digits);
    }

    /** Luhn (ISO/IEC 7812-1) over all digits, the last being the check digit. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /**
     * Digits written in groups are grouped as cards print them: fours (the last group shorter or
     * longer, up to seven), or American Express's and Diners' 4-6-5 and 4-6-4. A number grouped
     * otherwise (1-4-5-2-1, 3-3-4) is another kind of number.
     */
    private static boolean cardGrouping(String value) {
        String[] groups = value.split("[ -]");
        if (groups.length == 1) {
            return true;
        }
        if (groups.length == 3 && groups[0].length() == 4 && groups[1].length() == 6 && groups[2].length() >= 4) {
            return groups[2].length() <= 5;
        }
        for (int i = 0; i < groups.length - 1; i++) {
            if (groups[i].length() != 4) {
                return false;
            }
        }
        return groups.length >= 3 && !groups[groups.length - 1].isEmpty() && groups[groups.length - 1].length() <= 7;
    }

    /** The lengths the issuers use: Amex 15, Diners 14 and up, Mastercard 16, Visa 13, 16 or 19, the rest 16 to 19. */
    private static boolean issuerLength(String d) {
        int n = d.length();
        int two = Integer.parseInt(d.substring(0, 2));
        if (two == 34 || two == 37) {
            return n == 15;
        }
        if (d.charAt(0) == '4') {
            return n == 13 || n == 16 || n == 19;
        }
        if (two >= 51 && two <= 55 || d.charAt(0) == '2') {
            return n == 16;
        }
        if (two == 36 || two == 38 || two == 30) {
            return n >= 14;
        }
        return n >= 16;
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
        String digits = value.replaceAll("[- ]", "");
        if (digits.length() != 9) {
            return false;
        }
        int area = Integer.parseInt(digits.substring(0, 3));
        return area != 0
                && area != 666
                && area < 900
                && !digits.startsWith("00", 3)
                && !digits.endsWith("0000")
                && !digits.equals("123456789")
                && !digits.equals("078051120")
                && !digits.equals("219099999");
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

    /** A JWT once more base64-encoded (as some configs store one): it decodes to a valid JWT. */
    static boolean base64Jwt(String value) {
        try {
            String decoded = new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8);
            return decoded.startsWith("eyJ") && decoded.indexOf('.') > 0 && jwt(decoded);
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
