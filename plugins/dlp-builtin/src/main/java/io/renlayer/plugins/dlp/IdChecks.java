package io.renlayer.plugins.dlp;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * The check digits of national identifiers, each as its issuer publishes it. A value is first
 * reduced to its digits and letters ({@link #compact}); the checks read that.
 */
final class IdChecks {

    private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private IdChecks() {}

    /** The value without spaces, dashes, dots and slashes, upper case. */
    static String compact(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ' ' && c != '-' && c != '.' && c != '/') {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    static int digit(String s, int i) {
        return s.charAt(i) - '0';
    }

    /** Sum of digit × weight over the first {@code weights.length} digits. */
    static int weighted(String digits, int... weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digit(digits, i) * weights[i];
        }
        return sum;
    }

    static boolean allSame(String s) {
        return s.chars().distinct().count() == 1;
    }

    /** UK NHS number: ten digits, weights 10..2, check = 11 − sum mod 11 (11 reads 0, 10 is never issued). */
    static boolean ukNhs(String value) {
        String d = compact(value);
        int check = 11 - weighted(d, 10, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
        return !allSame(d) && check != 10 && (check == 11 ? 0 : check) == digit(d, 9);
    }

    /** UK National Insurance number: HMRC's prefix rules (no D, F, I, Q, U, V; no O second; not BG, GB, NK, KN, TN, NT, ZZ). */
    static boolean ukNino(String value) {
        String c = compact(value);
        String prefix = c.substring(0, 2);
        return "DFIQUV".indexOf(c.charAt(0)) < 0
                && "DFIQUVO".indexOf(c.charAt(1)) < 0
                && !Set.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ").contains(prefix);
    }

    private static final String SPANISH_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    /** Spanish DNI/NIF: eight digits and the letter of their value mod 23. */
    static boolean esNif(String value) {
        String c = compact(value);
        return SPANISH_LETTERS.charAt(Integer.parseInt(c.substring(0, 8)) % 23) == c.charAt(8);
    }

    /** Spanish NIE: X, Y or Z (read as 0, 1, 2), seven digits, the letter of the number mod 23. */
    static boolean esNie(String value) {
        String c = compact(value);
        int number = Integer.parseInt("XYZ".indexOf(c.charAt(0)) + c.substring(1, 8));
        return SPANISH_LETTERS.charAt(number % 23) == c.charAt(8);
    }

    private static final int[] ODD_VALUES = {
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
    };
    private static final String OMOCODES = "LMNPQRSTUV";

    /**
     * Italian codice fiscale: the check letter from the odd and even positions' tables. Digits
     * replaced by letters (omocodia: L for 0 … V for 9) count as the letters they are.
     */
    static boolean itFiscalCode(String value) {
        String c = value.toUpperCase(Locale.ROOT);
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char ch = c.charAt(i);
            int index = Character.isDigit(ch) ? ch - '0' : ch - 'A';
            sum += i % 2 == 0 ? ODD_VALUES[index] : index;
        }
        return (char) ('A' + sum % 26) == c.charAt(15) && validFiscalDate(c);
    }

    private static boolean validFiscalDate(String c) {
        int day = omocodeDigits(c.substring(9, 11));
        return day >= 1 && day <= 31 || day >= 41 && day <= 71;
    }

    private static int omocodeDigits(String s) {
        int n = 0;
        for (char ch : s.toCharArray()) {
            n = n * 10 + (Character.isDigit(ch) ? ch - '0' : OMOCODES.indexOf(ch));
        }
        return n;
    }

    /** Italian partita IVA: eleven digits with a Luhn check digit, an office code 001-100 or 120-121. */
    static boolean itVat(String value) {
        String d = compact(value);
        if (d.startsWith("IT")) {
            d = d.substring(2);
        }
        int office = Integer.parseInt(d.substring(7, 10));
        return !allSame(d) && Checksums.luhn(d) && (office >= 1 && office <= 100 || office == 120 || office == 121);
    }

    /** Polish PESEL: a valid birth date (the month carries the century) and weights 1,3,7,9. */
    static boolean plPesel(String value) {
        String d = compact(value);
        int month = Integer.parseInt(d.substring(2, 4));
        int century = switch (month / 20) {
            case 0 -> 1900;
            case 1 -> 2000;
            case 2 -> 2100;
            case 3 -> 2200;
            default -> 1800;
        };
        int year = century + Integer.parseInt(d.substring(0, 2));
        int check = (10 - weighted(d, 1, 3, 7, 9, 1, 3, 7, 9, 1, 3) % 10) % 10;
        return date(year, month % 20, Integer.parseInt(d.substring(4, 6))) && check == digit(d, 10);
    }

    private static final String FINNISH_CHECKS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    /** Finnish henkilötunnus: ddmmyy, century sign, three digits, the check char of the nine digits mod 31. */
    static boolean fiPersonalIdentityCode(String value) {
        String c = value.toUpperCase(Locale.ROOT);
        char sign = c.charAt(6);
        int century = sign == '+' ? 1800 : "-YXWVU".indexOf(sign) >= 0 ? 1900 : 2000;
        int year = century + Integer.parseInt(c.substring(4, 6));
        int number = Integer.parseInt(c.substring(0, 6) + c.substring(7, 10));
        return date(year, Integer.parseInt(c.substring(2, 4)), Integer.parseInt(c.substring(0, 2)))
                && FINNISH_CHECKS.charAt(number % 31) == c.charAt(10);
    }

    /**
     * German Steuerliche Identifikationsnummer: eleven digits, no leading 0, one digit of the first
     * ten repeated (twice, or three times but not in a row), the rest once; ISO 7064 MOD 11,10.
     */
    static boolean deTaxId(String value) {
        String d = compact(value);
        if (d.charAt(0) == '0') {
            return false;
        }
        int[] counts = new int[10];
        for (int i = 0; i < 10; i++) {
            counts[digit(d, i)]++;
        }
        int repeated = 0;
        for (int count : counts) {
            if (count > 3) {
                return false;
            }
            if (count > 1) {
                repeated++;
            }
        }
        if (repeated != 1 || tripleInARow(d)) {
            return false;
        }
        int product = 10;
        for (int i = 0; i < 10; i++) {
            int sum = (digit(d, i) + product) % 10;
            product = (sum == 0 ? 10 : sum) * 2 % 11;
        }
        int check = 11 - product;
        return (check == 10 ? 0 : check) == digit(d, 10);
    }

    private static boolean tripleInARow(String d) {
        for (int i = 0; i + 2 < 10; i++) {
            if (d.charAt(i) == d.charAt(i + 1) && d.charAt(i) == d.charAt(i + 2)) {
                return true;
            }
        }
        return false;
    }

    /** French NIR (numéro de sécurité sociale): sex, year, month, place, order, and key = 97 − n mod 97. */
    static boolean frNir(String value) {
        String c = compact(value);
        int month = Integer.parseInt(c.substring(3, 5));
        if ("123478".indexOf(c.charAt(0)) < 0
                || !(month >= 1 && month <= 12 || month >= 20 && month <= 42 || month >= 50)) {
            return false;
        }
        // Corsica's departments 2A and 2B count as 19 and 18 in the key.
        String number = c.substring(0, 13).replace("2A", "19").replace("2B", "18");
        if (!number.chars().allMatch(Character::isDigit)) {
            return false;
        }
        long n = Long.parseLong(number);
        return 97 - n % 97 == Integer.parseInt(c.substring(13, 15));
    }

    /** Dutch BSN: the eleven test, weights 9..2 and −1. */
    static boolean nlBsn(String value) {
        String d = compact(value);
        int sum = weighted(d, 9, 8, 7, 6, 5, 4, 3, 2) - digit(d, 8);
        return !allSame(d) && sum % 11 == 0 && sum != 0;
    }

    /** Brazilian CPF: two mod 11 check digits. */
    static boolean brCpf(String value) {
        String d = compact(value);
        if (allSame(d)) {
            return false;
        }
        int first = weighted(d, 10, 9, 8, 7, 6, 5, 4, 3, 2) * 10 % 11 % 10;
        int second = weighted(d, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2) * 10 % 11 % 10;
        return first == digit(d, 9) && second == digit(d, 10);
    }

    /** Brazilian CNPJ: two mod 11 check digits over weights 5..2,9..2 and 6..2,9..2. */
    static boolean brCnpj(String value) {
        String d = compact(value);
        if (allSame(d)) {
            return false;
        }
        int first = cnpjDigit(weighted(d, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2));
        int second = cnpjDigit(weighted(d, 6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2));
        return first == digit(d, 12) && second == digit(d, 13);
    }

    private static int cnpjDigit(int sum) {
        int r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }

    /**
     * The second line of a passport's machine-readable zone (ICAO 9303 TD3): the check digits
     * (weights 7, 3, 1) of the document number, birth date and expiry date, and the composite one.
     */
    static boolean mrzTd3(String line) {
        if (line.length() != 44) {
            return false;
        }
        return mrzCheck(line.substring(0, 9), line.charAt(9))
                && mrzCheck(line.substring(13, 19), line.charAt(19))
                && mrzCheck(line.substring(21, 27), line.charAt(27))
                && mrzCheck(line.substring(0, 10) + line.substring(13, 20) + line.substring(21, 43), line.charAt(43));
    }

    static boolean mrzCheck(String field, char check) {
        return Character.forDigit(mrzDigit(field), 10) == check;
    }

    static int mrzDigit(String field) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            int v = c == '<' ? 0 : Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * weights[i % 3];
        }
        return sum % 10;
    }

    private static final String NRIC_ST = "JZIHGFEDCBA";
    private static final String NRIC_FG = "XWUTRQPNMLK";

    /** Singapore NRIC/FIN (S, T, F, G series): weights 2,7,6,5,4,3,2, offset 4 for T and G, the series' letter table. */
    static boolean sgNricFin(String value) {
        String c = value.toUpperCase(Locale.ROOT);
        char series = c.charAt(0);
        int sum = weighted(c.substring(1), 2, 7, 6, 5, 4, 3, 2) + (series == 'T' || series == 'G' ? 4 : 0);
        String letters = series == 'S' || series == 'T' ? NRIC_ST : NRIC_FG;
        return letters.charAt(sum % 11) == c.charAt(8);
    }

    /** Singapore UEN: the check letter of each of ACRA's three formats. */
    static boolean sgUen(String value) {
        String c = value.toUpperCase(Locale.ROOT);
        if (c.length() == 9) {
            return "XMKECAWLJDB".charAt(weighted(c, 10, 4, 9, 3, 8, 2, 7, 1) % 11) == c.charAt(8);
        }
        if (Character.isDigit(c.charAt(0))) {
            int year = Integer.parseInt(c.substring(0, 4));
            return year >= 1800
                    && year <= LocalDate.now().getYear()
                    && "ZKCMDNERGWH".charAt(weighted(c, 10, 8, 6, 4, 9, 7, 5, 3, 1) % 11) == c.charAt(9);
        }
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWX0123456789";
        int[] weights = {4, 3, 5, 3, 10, 2, 2, 5, 7};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int index = alphabet.indexOf(c.charAt(i));
            if (index < 0) {
                return false;
            }
            sum += index * weights[i];
        }
        return UEN_ENTITY_TYPES.contains(c.substring(3, 5))
                && alphabet.charAt(Math.floorMod(sum - 5, 11)) == c.charAt(9);
    }

    private static final Set<String> UEN_ENTITY_TYPES = Set.of(
            "LP", "LL", "FC", "PF", "RF", "MQ", "MM", "NB", "CC", "CS", "MB", "FM", "GS", "DP", "CP", "NR", "CM", "CD",
            "MD", "HS", "VH", "CH", "MH", "CL", "XL", "CX", "HC", "RP", "TU", "TC", "FB", "FN", "PA", "PB", "SS", "MC",
            "SM", "GA", "GB");

    /** Australian TFN: nine digits, weights 1,4,3,7,5,8,6,9,10, sum mod 11 = 0. */
    static boolean auTfn(String value) {
        String d = compact(value);
        return !allSame(d) && weighted(d, 1, 4, 3, 7, 5, 8, 6, 9, 10) % 11 == 0;
    }

    /** Australian ABN: one off the first digit, weights 10,1,3,…,19, sum mod 89 = 0. */
    static boolean auAbn(String value) {
        String d = compact(value);
        int sum = weighted(d, 10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19) - 10;
        return digit(d, 0) > 0 && sum % 89 == 0;
    }

    /** Australian ACN: nine digits, weights 8..1, check = (10 − sum mod 10) mod 10. */
    static boolean auAcn(String value) {
        String d = compact(value);
        return !allSame(d) && (10 - weighted(d, 8, 7, 6, 5, 4, 3, 2, 1) % 10) % 10 == digit(d, 8);
    }

    /** Australian Medicare card: first digit 2-6, weights 1,3,7,9 repeated, the ninth digit the sum mod 10. */
    static boolean auMedicare(String value) {
        String d = compact(value);
        return digit(d, 0) >= 2 && digit(d, 0) <= 6 && weighted(d, 1, 3, 7, 9, 1, 3, 7, 9) % 10 == digit(d, 8);
    }

    /** Verhoeff's multiplication (dihedral group D5) and permutation tables, as published. */
    static final int[][] VERHOEFF_D = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
        {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
    };

    static final int[][] VERHOEFF_P = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
        {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}
    };

    /** Verhoeff's dihedral check over all digits, the last being the check digit. */
    static boolean verhoeff(String digits) {
        int c = 0;
        for (int i = 0; i < digits.length(); i++) {
            c = VERHOEFF_D[c][VERHOEFF_P[i % 8][digit(digits, digits.length() - 1 - i)]];
        }
        return c == 0;
    }

    /** Indian Aadhaar: twelve digits, not starting 0 or 1, Verhoeff. */
    static boolean inAadhaar(String value) {
        String d = compact(value);
        return d.charAt(0) >= '2' && !allSame(d) && verhoeff(d);
    }

    /** Indian GSTIN: state code 01-38 or 97, a PAN, and the mod-36 check char. */
    static boolean inGstin(String value) {
        String c = value.toUpperCase(Locale.ROOT);
        int state = Integer.parseInt(c.substring(0, 2));
        if (!(state >= 1 && state <= 38 || state == 97)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int product = ALNUM.indexOf(c.charAt(i)) * (i % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }
        return ALNUM.charAt((36 - sum % 36) % 36) == c.charAt(14);
    }

    /** Korean RRN: a valid birth date for the century its seventh digit names, and the weighted mod-11 check. */
    static boolean krRrn(String value) {
        String d = compact(value);
        int gender = digit(d, 6);
        int century = switch (gender) {
            case 1, 2, 5, 6 -> 1900;
            case 3, 4, 7, 8 -> 2000;
            default -> 1800;
        };
        int check = (11 - weighted(d, 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5) % 11) % 10;
        return date(
                        century + Integer.parseInt(d.substring(0, 2)),
                        Integer.parseInt(d.substring(2, 4)),
                        Integer.parseInt(d.substring(4, 6)))
                && check == digit(d, 12);
    }

    /** Thai national id: thirteen digits, first 1-8, weights 13..2, check = (11 − sum mod 11) mod 10. */
    static boolean thTnin(String value) {
        String d = compact(value);
        int check = (11 - weighted(d, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2) % 11) % 10;
        return digit(d, 0) >= 1 && digit(d, 0) <= 8 && check == digit(d, 12);
    }

    /** US DEA registration: (d1+d3+d5) + 2(d2+d4+d6) ends in the seventh digit. */
    static boolean usDea(String value) {
        String d = value.substring(2);
        int sum = digit(d, 0) + digit(d, 2) + digit(d, 4) + 2 * (digit(d, 1) + digit(d, 3) + digit(d, 5));
        return sum % 10 == digit(d, 6);
    }

    /** US ITIN: 9xx, a group the IRS issues (50-65, 70-88, 90-92, 94-99), not all zeros at the end. */
    static boolean usItin(String value) {
        String d = compact(value);
        int group = Integer.parseInt(d.substring(3, 5));
        return d.charAt(0) == '9'
                && (group >= 50 && group <= 65
                        || group >= 70 && group <= 88
                        || group >= 90 && group <= 92
                        || group >= 94)
                && !d.endsWith("0000");
    }

    static boolean date(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
