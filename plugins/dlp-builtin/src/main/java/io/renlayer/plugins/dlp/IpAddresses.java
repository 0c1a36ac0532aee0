package io.renlayer.plugins.dlp;

/** Strict textual IP addresses: IPv4 dotted quads without leading zeros, IPv6 per RFC 4291 §2.2. */
final class IpAddresses {

    private IpAddresses() {}

    static boolean v4(String value) {
        String[] octets = value.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty()
                    || octet.length() > 3
                    || (octet.length() > 1 && octet.charAt(0) == '0')
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean v6(String value) {
        int doubleColon = value.indexOf("::");
        if (doubleColon != value.lastIndexOf("::")) {
            return false;
        }
        String[] groups = value.replace("::", ":x:").split(":", -1);
        int count = 0;
        boolean compressed = doubleColon >= 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.equals("x")) {
                continue;
            }
            if (g.isEmpty()) {
                if (compressed && (i == 0 || i == groups.length - 1)) {
                    continue; // the empty side of a leading or trailing ::
                }
                return false;
            }
            if (i == groups.length - 1 && g.contains(".")) {
                if (!v4(g)) {
                    return false;
                }
                count += 2;
                continue;
            }
            if (g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return false;
            }
            count++;
        }
        return compressed ? count < 8 && count >= 1 : count == 8;
    }
}
