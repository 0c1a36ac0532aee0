package io.renlayer.plugins.dlp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Values of each identifier made the way their issuers make them: random digits, then the check
 * digit computed (the detectors verify; this side computes, so the two are written from the
 * published algorithms independently). {@code valid} false gives the same shape with a check that
 * fails: the decoys.
 */
final class GeneratedValues {

    private final Random random;

    GeneratedValues(Random random) {
        this.random = random;
    }

    String digits(int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    String chars(String alphabet, int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** The last digit replaced by another: the check then fails (for checks that read every digit). */
    String breakLast(String value) {
        char last = value.charAt(value.length() - 1);
        char other;
        if (Character.isDigit(last)) {
            other = (char) ('0' + (last - '0' + 1 + random.nextInt(8)) % 10);
        } else {
            other = (char) ('A' + (last - 'A' + 1 + random.nextInt(24)) % 26);
        }
        return value.substring(0, value.length() - 1) + other;
    }

    static int sum(String digits, int... weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    String ukNhs() {
        while (true) {
            String nine = digits(9);
            int check = 11 - sum(nine, 10, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
            if (check != 10) {
                String d = nine + (check == 11 ? 0 : check);
                return random.nextBoolean() ? d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6) : d;
            }
        }
    }

    String ukNino() {
        String first = "ABCEGHJKLMNPRSTWXYZ";
        String second = "ABCEGHJKLMNPRSTWXYZ";
        String prefix;
        do {
            prefix = chars(first, 1) + chars(second, 1);
        } while (Arrays.asList("BG", "GB", "NK", "KN", "TN", "NT", "ZZ").contains(prefix));
        String d = digits(6);
        String suffix = chars("ABCD", 1);
        return random.nextBoolean()
                ? prefix + d + suffix
                : prefix + " " + d.substring(0, 2) + " " + d.substring(2, 4) + " " + d.substring(4) + " " + suffix;
    }

    private static final String SPANISH = "TRWAGMYFPDXBNJZSQVHLCKE";

    String esNif() {
        String d = digits(8);
        return d + SPANISH.charAt(Integer.parseInt(d) % 23);
    }

    String esNie() {
        int series = random.nextInt(3);
        String d = digits(7);
        return "XYZ".charAt(series) + d + SPANISH.charAt(Integer.parseInt(series + d) % 23);
    }

    private static final int[] ODD = {
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
    };

    String itFiscalCode() {
        String upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        int day = between(1, 28) + (random.nextBoolean() ? 40 : 0);
        String body = chars(upper, 6)
                + digits(2)
                + chars("ABCDEHLMPRST", 1)
                + String.format("%02d", day)
                + chars(upper, 1)
                + digits(3);
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = body.charAt(i);
            int index = Character.isDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? ODD[index] : index;
        }
        return body + (char) ('A' + sum % 26);
    }

    String luhnCompleted(String body) {
        for (int check = 0; check < 10; check++) {
            if (luhn(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum % 10 == 0;
    }

    String itVat() {
        return luhnCompleted(digits(7) + String.format("%03d", between(1, 100)));
    }

    String plPesel() {
        int year = between(1930, 2020);
        int month = between(1, 12) + (year >= 2000 ? 20 : 0);
        String d = String.format("%02d%02d%02d", year % 100, month, between(1, 28)) + digits(4);
        return d + (10 - sum(d, 1, 3, 7, 9, 1, 3, 7, 9, 1, 3) % 10) % 10;
    }

    String fiHetu() {
        int year = between(1940, 2015);
        String date = String.format("%02d%02d%02d", between(1, 28), between(1, 12), year % 100);
        String individual = String.format("%03d", between(2, 899));
        char sign = year >= 2000 ? 'A' : '-';
        return date
                + sign
                + individual
                + "0123456789ABCDEFHJKLMNPRSTUVWXY".charAt((int) (Long.parseLong(date + individual) % 31));
    }

    String deTaxId() {
        while (true) {
            StringBuilder d = new StringBuilder();
            List<Integer> pool = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
            Collections.shuffle(pool, random);
            int twice = pool.get(0);
            List<Integer> ten = new ArrayList<>(pool.subList(0, 9));
            ten.add(twice);
            Collections.shuffle(ten, random);
            ten.forEach(d::append);
            String s = d.toString();
            if (s.charAt(0) == '0') {
                continue;
            }
            int product = 10;
            for (int i = 0; i < 10; i++) {
                int sum = (s.charAt(i) - '0' + product) % 10;
                product = (sum == 0 ? 10 : sum) * 2 % 11;
            }
            int check = 11 - product;
            return s + (check == 10 ? 0 : check);
        }
    }

    String frNir() {
        String base = between(1, 2)
                + String.format("%02d%02d", between(40, 99), between(1, 12))
                + String.format("%02d", between(1, 95))
                + String.format("%03d", between(1, 990))
                + String.format("%03d", between(1, 999));
        long key = 97 - Long.parseLong(base) % 97;
        String nir = base + String.format("%02d", key);
        return random.nextBoolean()
                ? nir
                : String.join(
                        " ",
                        nir.substring(0, 1),
                        nir.substring(1, 3),
                        nir.substring(3, 5),
                        nir.substring(5, 7),
                        nir.substring(7, 10),
                        nir.substring(10, 13),
                        nir.substring(13));
    }

    String nlBsn() {
        while (true) {
            String eight = digits(8);
            int check = sum(eight, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
            if (check < 10 && eight.charAt(0) != '0') {
                return eight + check;
            }
        }
    }

    String brCpf() {
        String nine = digits(9);
        int first = sum(nine, 10, 9, 8, 7, 6, 5, 4, 3, 2) * 10 % 11 % 10;
        int second = sum(nine + first, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2) * 10 % 11 % 10;
        String d = nine + first + second;
        return d.substring(0, 3) + "." + d.substring(3, 6) + "." + d.substring(6, 9) + "-" + d.substring(9);
    }

    String brCnpj() {
        String twelve = digits(8) + "0001";
        int first = cnpj(sum(twelve, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2));
        int second = cnpj(sum(twelve + first, 6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2));
        String d = twelve + first + second;
        return d.substring(0, 2) + "." + d.substring(2, 5) + "." + d.substring(5, 8) + "/" + d.substring(8, 12) + "-"
                + d.substring(12);
    }

    private static int cnpj(int sum) {
        return sum % 11 < 2 ? 0 : 11 - sum % 11;
    }

    static int mrz(String field) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            sum += (c == '<' ? 0 : Character.isDigit(c) ? c - '0' : c - 'A' + 10) * weights[i % 3];
        }
        return sum % 10;
    }

    /** A TD3 passport's second MRZ line. */
    String mrzLine() {
        String document = chars("ABCDEFGHJKLMNPRSTUVWXYZ0123456789", 8) + "<";
        String birth = String.format("%02d%02d%02d", between(40, 99), between(1, 12), between(1, 28));
        String expiry = String.format("%02d%02d%02d", between(27, 35), between(1, 12), between(1, 28));
        String personal = "<<<<<<<<<<<<<<";
        String line =
                document + mrz(document) + chars("DEUFRAGBRITAESPNLDUTO", 3).replaceAll("[^A-Z]", "D") + birth
                        + mrz(birth) + chars("MF", 1) + expiry + mrz(expiry) + personal + "0";
        String composite = line.substring(0, 10) + line.substring(13, 20) + line.substring(21, 43);
        return line + mrz(composite);
    }

    String sgNric() {
        char series = "STFG".charAt(random.nextInt(4));
        String d = digits(7);
        int s = sum(d, 2, 7, 6, 5, 4, 3, 2) + (series == 'T' || series == 'G' ? 4 : 0);
        String letters = series == 'S' || series == 'T' ? "JZIHGFEDCBA" : "XWUTRQPNMLK";
        return series + d + letters.charAt(s % 11);
    }

    String sgUen() {
        String d = digits(8);
        return d + "XMKECAWLJDB".charAt(sum(d, 10, 4, 9, 3, 8, 2, 7, 1) % 11);
    }

    String auTfn() {
        while (true) {
            String d = digits(9);
            if (sum(d, 1, 4, 3, 7, 5, 8, 6, 9, 10) % 11 == 0) {
                return d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6);
            }
        }
    }

    String auAbn() {
        while (true) {
            String d = between(1, 9) + digits(10);
            if ((sum(d, 10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19) - 10) % 89 == 0) {
                return d.substring(0, 2) + " " + d.substring(2, 5) + " " + d.substring(5, 8) + " " + d.substring(8);
            }
        }
    }

    String auAcn() {
        String d = digits(8);
        int check = (10 - sum(d, 8, 7, 6, 5, 4, 3, 2, 1) % 10) % 10;
        String acn = d + check;
        return acn.substring(0, 3) + " " + acn.substring(3, 6) + " " + acn.substring(6);
    }

    String auMedicare() {
        String d = between(2, 6) + digits(7);
        String m = d + sum(d, 1, 3, 7, 9, 1, 3, 7, 9) % 10 + between(1, 9);
        return m.substring(0, 4) + " " + m.substring(4, 9) + " " + m.substring(9);
    }

    private static final int[] INV = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

    String inAadhaar() {
        String d = between(2, 9) + digits(10);
        int c = 0;
        for (int i = 0; i < d.length(); i++) {
            c = IdChecks.VERHOEFF_D[c][IdChecks.VERHOEFF_P[(i + 1) % 8][d.charAt(d.length() - 1 - i) - '0']];
        }
        String a = d + INV[c];
        return a.substring(0, 4) + " " + a.substring(4, 8) + " " + a.substring(8);
    }

    String inPan() {
        String upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        return chars(upper, 3) + chars("ABCFGHJLPT", 1) + chars(upper, 1) + digits(4) + chars(upper, 1);
    }

    String inGstin() {
        String alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        String body = String.format("%02d", between(1, 37)) + inPan() + chars("123456789", 1) + "Z";
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int product = alnum.indexOf(body.charAt(i)) * (i % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }
        return body + alnum.charAt((36 - sum % 36) % 36);
    }

    String krRrn() {
        int year = between(1950, 2019);
        String birth = String.format("%02d%02d%02d", year % 100, between(1, 12), between(1, 28));
        String rest = (year >= 2000 ? between(3, 4) : between(1, 2)) + digits(5);
        String d = birth + rest;
        int check = (11 - sum(d, 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5) % 11) % 10;
        return birth + "-" + rest + check;
    }

    String thTnin() {
        String d = between(1, 8) + digits(11);
        String t = d + (11 - sum(d, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2) % 11) % 10;
        return t.charAt(0) + "-" + t.substring(1, 5) + "-" + t.substring(5, 10) + "-" + t.substring(10, 12) + "-"
                + t.substring(12);
    }

    String usItin() {
        int[] groups = {between(50, 65), between(70, 88), between(90, 92), between(94, 99)};
        return "9" + digits(2) + "-" + groups[random.nextInt(4)] + "-" + between(1000, 9999);
    }

    String usSsn() {
        int area;
        do {
            area = between(1, 899);
        } while (area == 666);
        return String.format("%03d", area) + "-" + String.format("%02d", between(1, 99)) + "-"
                + String.format("%04d", between(1, 9999));
    }

    String usDea() {
        String d = digits(6);
        int check = ((d.charAt(0) - '0')
                        + (d.charAt(2) - '0')
                        + (d.charAt(4) - '0')
                        + 2 * ((d.charAt(1) - '0') + (d.charAt(3) - '0') + (d.charAt(5) - '0')))
                % 10;
        return chars("ABCFGMPR", 1) + chars("ABCDEFGHJKLMNPRSTWZ", 1) + d + check;
    }

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    String bitcoinLegacy() {
        byte[] payload = new byte[21];
        random.nextBytes(payload);
        payload[0] = (byte) (random.nextBoolean() ? 0 : 5);
        byte[] check = sha256(sha256(payload));
        byte[] all = Arrays.copyOf(payload, 25);
        System.arraycopy(check, 0, all, 21, 4);
        StringBuilder out = new StringBuilder();
        BigInteger n = new BigInteger(1, all);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BigInteger.valueOf(58));
            out.append(BASE58.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < all.length && all[i] == 0; i++) {
            out.append('1');
        }
        return out.reverse().toString();
    }

    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    String bitcoinBech32() {
        int[] data = new int[33];
        data[0] = 0; // witness version 0
        for (int i = 1; i < data.length; i++) {
            data[i] = random.nextInt(32);
        }
        int[] values = new int[5 + data.length + 6];
        values[0] = 3;
        values[1] = 3;
        values[2] = 0;
        values[3] = 'b' & 31;
        values[4] = 'c' & 31;
        System.arraycopy(data, 0, values, 5, data.length);
        int polymod = CryptoAddresses.polymod(values) ^ 1;
        StringBuilder out = new StringBuilder("bc1");
        for (int v : data) {
            out.append(BECH32.charAt(v));
        }
        for (int i = 0; i < 6; i++) {
            out.append(BECH32.charAt((polymod >>> 5 * (5 - i)) & 31));
        }
        return out.toString();
    }

    /** An Ethereum address in EIP-55's mixed case. */
    String ethereum() {
        String lower = chars("0123456789abcdef", 40);
        KeccakDigest keccak = new KeccakDigest(256);
        byte[] ascii = lower.getBytes(StandardCharsets.US_ASCII);
        keccak.update(ascii, 0, ascii.length);
        byte[] hash = new byte[32];
        keccak.doFinal(hash, 0);
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < 40; i++) {
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
            char c = lower.charAt(i);
            out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    /** A token of GitHub's and npm's format: 30 random base62 characters and their CRC32 in base62. */
    String crcToken(String prefix) {
        String body = chars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 30);
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return prefix + body + Checksums.base62(crc.getValue(), 6);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
