package io.renlayer.plugins.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.spi.dlp.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Running a rule only around its anchors must find exactly what running it over the whole text
 * finds: every labelled line, embedded at random places in filler text, scanned both ways.
 */
class AnchoredScanTest {

    private static final String FILLER =
            "The deployment at 10:45 on 2026-11-22 cost 3.50 (v1.4.2): see key points, token use. ";

    @Test
    void anchoredRulesFindWhatWholeTextScansFind() throws IOException {
        List<String> samples = labelledTexts();
        Random random = new Random(7);
        List<PatternRule> rules = Stream.concat(
                        Stream.concat(PiiDetector.RULES.stream(), SecretsDetector.RULES.stream()),
                        Stream.of(SecretsDetector.GENERIC_RULE))
                .toList();
        for (int round = 0; round < 40; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                text.append(FILLER.repeat(random.nextInt(3)));
                text.append(samples.get(random.nextInt(samples.size()))).append(random.nextBoolean() ? "\n" : " ");
            }
            String body = text.toString();
            KeywordIndex keywords = new KeywordIndex(
                    rules.stream().flatMap(r -> r.keywords().stream()).toList());
            for (PatternRule rule : rules) {
                PatternRule everywhere = new PatternRule(
                        rule.type(),
                        rule.keywords(),
                        rule.pattern(),
                        rule.group(),
                        rule.valid(),
                        rule.confidence(),
                        null,
                        0,
                        0,
                        rule.context());
                List<Finding> anchored = new ArrayList<>();
                List<Finding> whole = new ArrayList<>();
                rule.scan(new ScanText(body, keywords), anchored);
                everywhere.scan(new ScanText(body, keywords), whole);
                assertThat(describe(anchored)).as(rule.type() + " in:\n" + body).isEqualTo(describe(whole));
            }
        }
    }

    private static List<String> describe(List<Finding> findings) {
        return findings.stream()
                .sorted(Comparator.comparingInt(Finding::start))
                .map(f -> f.type() + "@" + f.start() + "-" + f.end())
                .toList();
    }

    private static List<String> labelledTexts() throws IOException {
        try (InputStream in = AnchoredScanTest.class.getResourceAsStream("/dlp-labelled.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.substring(l.indexOf('\t') + 1).replace("\\n", "\n"))
                    .toList();
        }
    }
}
