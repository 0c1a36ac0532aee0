package io.renlayer.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** An address block in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}, or one address). */
public record Network(byte[] prefix, int bits) {

    /** @throws IllegalArgumentException not an IP address block; no name is looked up */
    public static Network parse(String cidr) {
        String text = cidr.strip();
        int slash = text.indexOf('/');
        InetAddress address = literal(slash < 0 ? text : text.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("not an IP network: " + cidr));
        try {
            byte[] bytes = address.getAddress();
            int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("bad prefix length: " + cidr);
            }
            return new Network(bytes, bits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an IP network: " + cidr, e);
        }
    }

    /**
     * The address a host written as a literal names ({@code 10.1.2.3}, {@code 2130706433},
     * {@code [::1]}), or empty for anything else. Only text of digits and dots, or with a colon, is
     * parsed, so that no name is ever looked up here: {@code InetAddress.getByName} would resolve
     * any other text through DNS.
     */
    public static Optional<InetAddress> literal(String host) {
        String text = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean literal = !text.isEmpty()
                && (text.indexOf(':') >= 0 || text.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
        if (!literal) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != prefix.length) {
            return false;
        }
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (bytes[whole] & mask) == (prefix[whole] & mask);
    }
}
