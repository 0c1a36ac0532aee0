package io.renlayer.plugins.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cases the catalog's rules were written for, each true and false, through the detectors. */
class CatalogCasesTest {

    private final List<DlpDetector> detectors = new BuiltInDlpPlugin().dlpDetectors();

    private List<String> found(String text) {
        List<String> covered = new ArrayList<>();
        for (DlpDetector detector : detectors) {
            for (Finding f : detector.scan(ScanInput.of(text, "t", ScanInput.Phase.REQUEST))) {
                covered.add(f.type() + ":" + text.substring(f.start(), f.end()));
            }
        }
        return covered;
    }

    @Test
    void anAddressContainingTheWordExampleIsRealOnlyReservedDomainsAreNot() {
        assertThat(found("mail ops@counterexample.com today")).containsExactly("EMAIL_ADDRESS:ops@counterexample.com");
        assertThat(found("mail example.team@acme.io today")).containsExactly("EMAIL_ADDRESS:example.team@acme.io");
        assertThat(found("mail bob@example.com, ann@mail.example.org, c@host.test, d@x.example, e@y.invalid"))
                .isEmpty();
        assertThat(found("mail your_name@acme.io")).isEmpty(); // a fill-in
    }

    @Test
    void socialSecurityNumbersDashedSpacedAndUnseparatedWithItsName() {
        assertThat(found("SSN 536-90-4399")).containsExactly("US_SSN:536-90-4399");
        assertThat(found("on file: 536 90 4399")).containsExactly("US_SSN:536 90 4399");
        assertThat(found("my social security number is 536904399")).containsExactly("US_SSN:536904399");
        assertThat(found("order 536904399 shipped")).isEmpty();
        assertThat(found("SSN 536-90 4399")).isEmpty(); // mixed separators are no SSN
    }

    @Test
    void aNumberInsideALongerTokenIsNoIdentifier() {
        assertThat(found("NHS number 943 476 5919")).containsExactly("UK_NHS:943 476 5919");
        assertThat(found("NHS build tag x9434765919")).isEmpty();
        assertThat(found("NHS number 943 476 5918")).doesNotContain("UK_NHS:943 476 5918"); // bad check digit
        assertThat(found("order 943 476 5919 shipped")).doesNotContain("UK_NHS:943 476 5919"); // no context
    }

    @Test
    void urlsAreFindingsOnlyWhenTheyCarryACredential() {
        String leaking = "https://files.acme.io/r.pdf?X-Amz-Signature=9f2c4e8a1b7d3f6e0c5a2b9d8e7f1a3c";
        assertThat(found("get " + leaking + " now")).containsExactly("URL:" + leaking);
        assertThat(found("read https://docs.acme.io/guide?page=2&lang=en now")).isEmpty();
        assertThat(found("read https://acme.io/login?token=YOUR_TOKEN_HERE now"))
                .isEmpty();
    }

    @Test
    void genericAssignmentsOfWordsAreIdentifiersAndOfGeneratedValuesAreSecrets() {
        assertThat(found("password = \"getAccessTokenForUser2\"")).isEmpty();
        assertThat(found("password = \"Summer2024Welcome\"")).isEmpty();
        assertThat(found("password = \"q8Zr3Xv1Lm0Tn5Wk\"")).containsExactly("GENERIC_SECRET:q8Zr3Xv1Lm0Tn5Wk");
    }

    @Test
    void npmTokensAreCheckedLikeGitHubsAndPypiTokensByTheirMacaroonPrefix() {
        String npm = new GeneratedValues(new Random(3)).crcToken("npm_");
        assertThat(found("token " + npm)).containsExactly("NPM_TOKEN:" + npm);
        String tampered = npm.substring(0, 10) + (npm.charAt(10) == 'a' ? 'b' : 'a') + npm.substring(11);
        assertThat(found("token " + tampered)).isEmpty();
        String pypi = "pypi-AgEIcHlwaS5vcmc" + "CJDZhNzA1ZjEtNDk4Ni00NjI5LWE1NmMtMmY3ZTg2YjQxYjA3AAIqWzMsIjVlY2Q";
        assertThat(found("twine upload -p " + pypi)).containsExactly("PYPI_TOKEN:" + pypi);
        assertThat(found("twine upload -p pypi-AgEIcHlvdGhlci5vcmc" + "x1y2z3".repeat(10)))
                .isEmpty();
    }

    @Test
    void aTokenFamilyNeedsItsFullLengthAndNoMask() {
        assertThat(found("key glpat-Zx81kQ2mN7pL4rT9vB3c")).containsExactly("GITLAB_TOKEN:glpat-Zx81kQ2mN7pL4rT9vB3c");
        assertThat(found("key glpat-Zx81kQ2mN7pL")).isEmpty();
        assertThat(found("key glpat-xxxxxxxxxxxxxxxxxxxx")).isEmpty();
        assertThat(found("hooks.slack.com is where webhooks go")).isEmpty();
    }
}
