package io.renlayer.bench.dlp;

import java.util.Random;

/**
 * Realistic chat text, generated deterministically: prose of common English words, with a code
 * snippet and a list now and then, and (optionally) one finding per kilobyte drawn from e-mails,
 * phone numbers, cards, IBANs, AWS keys, GitHub tokens, connection strings, NHS numbers, GitLab
 * tokens and Ethereum addresses.
 */
final class ChatBodies {

    private static final String[] WORDS = ("the of and to in is you that it he was for on are as with his they at be "
            + "this have from or one had by word but not what all were we when your can said there use an each which "
            + "she do how their if will up other about out many then them these so some her would make like him into "
            + "time has look two more write go see number no way could people my than first water been call who oil "
            + "its now find long down day did get come made may part deployment service latency request response "
            + "customer invoice quarter revenue pipeline model prompt token budget policy gateway agent").split(" ");

    private static final String[] FINDINGS = {
        "jane.doe@acme-corp.com", "+1 415 555 0132", "4111 1111 1111 1111", "DE89 3704 0044 0532 0130 00",
        "AKIAQWERTYUIOPASDFGH", "ghp_R7d9k2LmN4pQ8sT1vW3xY5zA6bC0eF2gH4jK",
        "postgres://app:S3cr3tPassw0rd@db.internal:5432/orders", "NHS number 943 476 5919",
        "glpat-Zx81kQ2mN7pL4rT9vB3c", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"};

    private static final String CODE = "\n```python\ndef total(items):\n    return sum(i.price * i.qty for i in items)\n```\n";

    private ChatBodies() {}

    static String text(int bytes, boolean withFindings, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(bytes + 64);
        int nextFinding = 1024;
        int sentence = 0;
        while (out.length() < bytes) {
            int words = 8 + random.nextInt(12);
            for (int i = 0; i < words; i++) {
                String word = WORDS[random.nextInt(WORDS.length)];
                out.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(' ');
            }
            out.setCharAt(out.length() - 1, '.');
            out.append(' ');
            if (++sentence % 25 == 0) {
                out.append(CODE);
            }
            if (sentence % 40 == 0) {
                out.append("\n- item 12 costs 3.50 at 10:45 on 2026-11-22, version 1.4.2\n");
            }
            if (withFindings && out.length() >= nextFinding) {
                out.append("Use ").append(FINDINGS[random.nextInt(FINDINGS.length)]).append(" for that. ");
                nextFinding += 1024;
            }
        }
        out.setLength(bytes);
        return out.toString();
    }
}
