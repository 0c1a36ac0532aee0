package io.renlayer.plugins.dlp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * The checksums of cryptocurrency addresses: Bitcoin's base58check (legacy P2PKH and P2SH) and
 * bech32/bech32m (SegWit, BIP 173 and 350), and Ethereum's mixed-case EIP-55.
 */
final class CryptoAddresses {

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final BigInteger FIFTY_EIGHT = BigInteger.valueOf(58);
    private static final int BECH32_CONSTANT = 1;
    private static final int BECH32M_CONSTANT = 0x2bc830a3;

    private CryptoAddresses() {}

    static boolean valid(String address) {
        if (address.startsWith("0x")) {
            return ethereum(address);
        }
        if (address.regionMatches(true, 0, "bc1", 0, 3)) {
            return bech32(address);
        }
        return base58check(address);
    }

    /** 25 bytes: version 0x00 (P2PKH) or 0x05 (P2SH), 20 of hash, and the first 4 of SHA-256(SHA-256(the 21)). */
    static boolean base58check(String address) {
        BigInteger n = BigInteger.ZERO;
        for (int i = 0; i < address.length(); i++) {
            int digit = BASE58.indexOf(address.charAt(i));
            if (digit < 0) {
                return false;
            }
            n = n.multiply(FIFTY_EIGHT).add(BigInteger.valueOf(digit));
        }
        byte[] raw = n.toByteArray();
        int leadingOnes = 0;
        while (leadingOnes < address.length() && address.charAt(leadingOnes) == '1') {
            leadingOnes++;
        }
        byte[] stripped = raw.length > 0 && raw[0] == 0 ? Arrays.copyOfRange(raw, 1, raw.length) : raw;
        byte[] bytes = new byte[leadingOnes + stripped.length];
        System.arraycopy(stripped, 0, bytes, leadingOnes, stripped.length);
        if (bytes.length != 25 || bytes[0] != 0 && bytes[0] != 5) {
            return false;
        }
        byte[] hash = sha256(sha256(Arrays.copyOfRange(bytes, 0, 21)));
        return Arrays.equals(Arrays.copyOfRange(hash, 0, 4), Arrays.copyOfRange(bytes, 21, 25));
    }

    /** One case throughout, the human part "bc", and the polymod constant of bech32 or bech32m. */
    static boolean bech32(String address) {
        if (!address.equals(address.toLowerCase(Locale.ROOT)) && !address.equals(address.toUpperCase(Locale.ROOT))) {
            return false;
        }
        String lower = address.toLowerCase(Locale.ROOT);
        int separator = lower.lastIndexOf('1');
        int[] values = new int[2 * separator + 1 + lower.length() - separator - 1];
        int k = 0;
        for (int i = 0; i < separator; i++) {
            values[k++] = lower.charAt(i) >> 5;
        }
        values[k++] = 0;
        for (int i = 0; i < separator; i++) {
            values[k++] = lower.charAt(i) & 31;
        }
        for (int i = separator + 1; i < lower.length(); i++) {
            int v = BECH32.indexOf(lower.charAt(i));
            if (v < 0) {
                return false;
            }
            values[k++] = v;
        }
        int polymod = polymod(values);
        return polymod == BECH32_CONSTANT || polymod == BECH32M_CONSTANT;
    }

    /** BIP 173's checksum over the expanded human part and data; the generator of test addresses uses it too. */
    static int polymod(int[] values) {
        int[] generator = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (int v : values) {
            int top = chk >>> 25;
            chk = (chk & 0x1ffffff) << 5 ^ v;
            for (int i = 0; i < 5; i++) {
                if ((top >>> i & 1) != 0) {
                    chk ^= generator[i];
                }
            }
        }
        return chk;
    }

    /**
     * 0x and 40 hex digits. One case throughout carries no checksum and is taken as written; mixed
     * case must be EIP-55's: a letter is upper case where the Keccak-256 of the lower-case
     * address has a nibble of 8 or more.
     */
    static boolean ethereum(String address) {
        String hex = address.substring(2);
        String lower = hex.toLowerCase(Locale.ROOT);
        if (hex.equals(lower) || hex.equals(hex.toUpperCase(Locale.ROOT))) {
            return hex.chars().distinct().count() > 4;
        }
        KeccakDigest keccak = new KeccakDigest(256);
        byte[] ascii = lower.getBytes(StandardCharsets.US_ASCII);
        keccak.update(ascii, 0, ascii.length);
        byte[] hash = new byte[32];
        keccak.doFinal(hash, 0);
        for (int i = 0; i < 40; i++) {
            char c = hex.charAt(i);
            if (Character.isLetter(c)) {
                int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
                if (Character.isUpperCase(c) != nibble >= 8) {
                    return false;
                }
            }
        }
        return true;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
