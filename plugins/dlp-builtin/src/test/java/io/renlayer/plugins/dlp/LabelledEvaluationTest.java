package io.renlayer.plugins.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Scores the built-in detectors on labelled text ({@code dlp-labelled.tsv}, hand-written, and the
 * set {@link LabelledSet} generates: hundreds of values and decoys per type): per type precision and
 * recall, printed as a table and held to the targets (precision 0.97, recall 0.95). A finding
 * counts when its type is right and it overlaps the marked span; anything else it reports is a
 * false positive of its type, including every finding on a NONE line.
 *
 * <p>{@code -Ddlp.labelled=a.tsv,b.tsv} scores other labelled sets (same format) instead, e.g. a
 * public corpus converted to it; {@code bench/dlp-eval.sh} runs exactly that.
 */
class LabelledEvaluationTest {

    private final List<DlpDetector> detectors = new BuiltInDlpPlugin().dlpDetectors();

    record Sample(String type, String text, int start, int end) {}

    static final class Score {
        int truePositives;
        int falsePositives;
        int falseNegatives;

        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }
    }

    @Test
    void everyTypeMeetsThePrecisionAndRecallTargets() throws IOException {
        Map<String, Score> scores = new TreeMap<>();
        List<String> mistakes = new ArrayList<>();
        for (Sample sample : samples()) {
            boolean found = false;
            for (Finding f : scan(sample.text())) {
                Score score = scores.computeIfAbsent(f.type(), t -> new Score());
                if (f.type().equals(sample.type()) && f.start() < sample.end() && sample.start() < f.end()) {
                    if (!found) {
                        score.truePositives++;
                    }
                    found = true;
                } else {
                    score.falsePositives++;
                    mistakes.add("FP " + f.type() + " in: " + sample.text());
                }
            }
            if (!sample.type().equals("NONE") && !found) {
                scores.computeIfAbsent(sample.type(), t -> new Score()).falseNegatives++;
                mistakes.add("FN " + sample.type() + " in: " + sample.text());
            }
        }
        StringBuilder table = new StringBuilder("type                        precision  recall   tp   fp   fn\n");
        scores.forEach((type, s) -> table.append(String.format(
                "%-27s %9.3f %7.3f %4d %4d %4d%n",
                type, s.precision(), s.recall(), s.truePositives, s.falsePositives, s.falseNegatives)));
        System.out.println(table);
        mistakes.forEach(System.out::println);
        scores.forEach((type, s) -> {
            assertThat(s.precision())
                    .as(type + " precision\n" + table + mistakes)
                    .isGreaterThanOrEqualTo(0.97);
            assertThat(s.recall()).as(type + " recall\n" + table + mistakes).isGreaterThanOrEqualTo(0.95);
        });
    }

    private List<Finding> scan(String text) {
        List<Finding> all = new ArrayList<>();
        for (DlpDetector detector : detectors) {
            all.addAll(detector.scan(ScanInput.of(text, "tenant-eval", ScanInput.Phase.REQUEST)));
        }
        return all;
    }

    static List<Sample> samples() throws IOException {
        String others = System.getProperty("dlp.labelled", "");
        if (others.isBlank()) {
            List<Sample> samples = new ArrayList<>();
            try (InputStream in = LabelledEvaluationTest.class.getResourceAsStream("/dlp-labelled.tsv")) {
                samples.addAll(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            String generated = String.join("\n", LabelledSet.generate());
            Path written = Path.of("target", "dlp-generated.tsv");
            if (Files.isDirectory(written.getParent())) {
                Files.writeString(written, generated + "\n"); // for reading the set, and for bench/dlp-eval.sh
            }
            samples.addAll(parse(generated));
            return samples;
        }
        List<Sample> samples = new ArrayList<>();
        for (String file : others.split(",")) {
            samples.addAll(parse(Files.readString(Path.of(file.strip()))));
        }
        return samples;
    }

    private static List<Sample> parse(String tsv) {
        List<Sample> samples = new ArrayList<>();
        {
            for (String line : tsv.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String type = line.substring(0, line.indexOf('\t'));
                String marked = line.substring(line.indexOf('\t') + 1).replace("\\n", "\n"); // multi-line samples
                int open = marked.indexOf("[[");
                if (open < 0) {
                    samples.add(new Sample(type, marked, -1, -1));
                    continue;
                }
                int close = marked.indexOf("]]", open);
                String text =
                        marked.substring(0, open) + marked.substring(open + 2, close) + marked.substring(close + 2);
                samples.add(new Sample(type, text, open, close - 2));
            }
        }
        return samples;
    }
}
