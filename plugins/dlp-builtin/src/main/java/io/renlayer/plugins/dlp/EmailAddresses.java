package io.renlayer.plugins.dlp;

import java.util.List;
import java.util.Locale;

/**
 * What makes a matched address a real one: not a documentation address. Only the names reserved
 * for documentation and testing are skipped (RFC 2606 and RFC 6761: example.com, .net and .org,
 * and the .example, .test, .invalid and .localhost domains, with their subdomains), never an
 * address that merely contains the word ({@code ops@counterexample.com} is real).
 */
final class EmailAddresses {

    private static final List<String> RESERVED =
            List.of("example.com", "example.net", "example.org", "example", "test", "invalid", "localhost");

    private EmailAddresses() {}

    static boolean real(String address) {
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at);
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        return !local.startsWith(".")
                && !address.contains("..")
                && !reserved(domain)
                && !Placeholders.isTemplate(local);
    }

    static boolean reserved(String domain) {
        for (String name : RESERVED) {
            if (domain.equals(name) || domain.endsWith("." + name)) {
                return true;
            }
        }
        return false;
    }
}
