package io.renlayer.plugins.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Keywords found through their rarest character are exactly the keywords' occurrences. */
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
                int[] found = PatternRule.Anchor.keywords(rule.keywords()).positions(new ScanText(body));
                assertThat(found).as(rule.type() + " in " + body).containsExactly(byIndexOf(rule.keywords(), body));
            }
        }
    }

    @Test
    void aKeywordIsSearchedByItsLeastCommonCharacter() {
        assertThat(PatternRule.KeywordChar.of("eyJ").offset()).isEqualTo(2);
        assertThat(PatternRule.KeywordChar.of("AIza").offset()).isEqualTo(2);
        assertThat(PatternRule.KeywordChar.of("sk-").offset()).isEqualTo(2);
        assertThat(PatternRule.KeywordChar.of("xox").offset()).isZero();
        assertThat(KEYWORDS).contains("gh", "://");
    }

    @Test
    void aCaselessKeywordIsFoundInEveryCaseOfItsCharactersButAnExactOneOnlyAsWritten() {
        assertThat(CaseVariants.of('k')).containsExactly('k', 'K', '\u212A'); // the Kelvin sign
        assertThat(CaseVariants.of('_')).containsExactly('_');
        String text = "Aws aWS \u212Aey AIZA AIza";
        assertThat(PatternRule.Anchor.keywords(List.of("aws")).positions(new ScanText(text)))
                .containsExactly(0, 4);
        assertThat(PatternRule.Anchor.keywords(List.of("key")).positions(new ScanText(text)))
                .containsExactly(8);
        assertThat(PatternRule.Anchor.keywords(List.of("AIza")).positions(new ScanText(text)))
                .containsExactly(17);
    }

    /** Every occurrence, overlapping ones too, found keyword by keyword: what the anchor must match. */
    private static int[] byIndexOf(List<String> keywords, String text) {
        List<Integer> found = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (String keyword : keywords) {
            String haystack = keyword.equals(keyword.toLowerCase(Locale.ROOT)) ? lower : text;
            for (int i = haystack.indexOf(keyword); i >= 0; i = haystack.indexOf(keyword, i + 1)) {
                found.add(i);
            }
        }
        return found.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
