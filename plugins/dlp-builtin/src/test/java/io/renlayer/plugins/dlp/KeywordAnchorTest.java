package io.renlayer.plugins.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one Aho-Corasick pass finds exactly the keywords' occurrences, each in the forms it allows. */
class KeywordAnchorTest {

    private static final List<String> KEYWORDS = SecretsDetector.RULES.stream()
            .flatMap(rule -> rule.keywords().stream())
            .distinct()
            .toList();
    private static final String[] PIECES = {
        "the ",
        "queue ",
        "ask ",
        "high ",
        "AKIA",
        "akia",
        "Aws",
        "AWS_",
        "gh",
        "GH",
        "github_pat_",
        "xoxox",
        "_live_",
        "_TEST_",
        "sk-ant-",
        "SK-",
        "AIza",
        "aiza",
        "eyJ",
        "EYJ",
        "://",
        ":/",
        "\n",
        "-",
        "_"
    };

    private static final KeywordIndex INDEX = new KeywordIndex(KEYWORDS);

    @Test
    void findsEveryOccurrenceInEitherCaseWhereTheKeywordAllowsIt() {
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String body = text.toString();
            for (PatternRule rule : SecretsDetector.RULES) {
                int[] found = PatternRule.Anchor.keywords(rule.keywords()).positions(new ScanText(body, INDEX));
                assertThat(found).as(rule.type() + " in " + body).containsExactly(byIndexOf(rule.keywords(), body));
            }
        }
    }

    @Test
    void everyTokenFamilyPrefixIsAKeywordOfTheOnePass() {
        assertThat(KEYWORDS).contains("gh", "glpat-", "npm_", "pypi-AgEIcHlwaS5vcmc", "hf_", "SG.", "dapi");
        assertThat(KEYWORDS.size()).isGreaterThan(100);
    }

    @Test
    void aLowerCaseKeywordIsFoundAsWrittenInUpperCaseAndCapitalisedButOneWithCapitalsOnlyAsWritten() {
        KeywordIndex index = new KeywordIndex(List.of("aws", "AIza", "\u00fcber"));
        String text = "Aws-AWS-aWs-aws-AIZA-AIza-\u00dcBER"; // one run, long enough for a token
        assertThat(PatternRule.Anchor.keywords(List.of("aws")).positions(new ScanText(text, index)))
                .containsExactly(0, 4, 12);
        assertThat(PatternRule.Anchor.keywords(List.of("AIza")).positions(new ScanText(text, index)))
                .containsExactly(21);
        assertThat(PatternRule.Anchor.keywords(List.of("\u00fcber")).positions(new ScanText(text, index)))
                .containsExactly(26);
    }

    @Test
    void keywordsAreLookedForOnlyInRunsLongEnoughToBeAToken() {
        KeywordIndex index = new KeywordIndex(List.of("glpat-"));
        String shortRun = "see glpat-12345 there";
        String longRun = "see glpat-" + "a".repeat(KeywordIndex.SHORTEST_TOKEN - 6) + " there";
        assertThat(index.find(shortRun).positions(List.of("glpat-"))).isEmpty();
        assertThat(index.find(longRun).positions(List.of("glpat-"))).containsExactly(4);
        assertThat(index.find("{\"t\":\"glpat-" + "b".repeat(20) + "\"}").positions(List.of("glpat-")))
                .containsExactly(6);
    }

    @Test
    void textOfAnyCharactersIsReadWithoutFailing() {
        StringBuilder every = new StringBuilder();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            every.append((char) c);
        }
        every.append(" glpat-").append("c".repeat(20));
        assertThat(INDEX.find(every.toString()).positions(List.of("glpat-"))).containsExactly(Character.MAX_VALUE + 2);
    }

    private static int runLength(String text, int at) {
        int start = at;
        while (start > 0 && !KeywordIndex.breaksTokens(text.charAt(start - 1))) {
            start--;
        }
        int end = at;
        while (end < text.length() && !KeywordIndex.breaksTokens(text.charAt(end))) {
            end++;
        }
        return end - start;
    }

    /**
     * Every occurrence in a run long enough for a token, overlapping ones too, found form by form:
     * what the anchor must match.
     */
    private static int[] byIndexOf(List<String> keywords, String text) {
        List<Integer> found = new ArrayList<>();
        for (String keyword : keywords) {
            for (String form : KeywordIndex.forms(keyword)) {
                for (int i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
                    if (runLength(text, i) >= KeywordIndex.SHORTEST_TOKEN) {
                        found.add(i);
                    }
                }
            }
        }
        return found.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
