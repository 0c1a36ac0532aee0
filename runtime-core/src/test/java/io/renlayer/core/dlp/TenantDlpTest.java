package io.renlayer.core.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.core.dlp.TenantDlp.RuleMatch;
import io.renlayer.core.dlp.TenantDlp.RuleSpec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantDlpTest {

    @Test
    void regexAndKeywordRulesReportWhereTheyMatch() {
        TenantDlp dlp = TenantDlp.compile(
                List.of(
                        new RuleSpec("employee-id", "regex", "EMP-\\d{6}", null, true, "token"),
                        new RuleSpec("codenames", "keywords", null, List.of("Project Falcon", "ACME"), false, "token")),
                Set.of());
        String text = "EMP-123456 works on project falcon; ACMEX is not ACME. emp-123456 differs in case.";

        assertThat(dlp.scan(text))
                .containsExactlyInAnyOrder(
                        new RuleMatch("employee-id", 0, 10, "token"),
                        new RuleMatch(
                                "codenames",
                                text.indexOf("project falcon"),
                                text.indexOf("project falcon") + 14,
                                "token"),
                        new RuleMatch("codenames", text.indexOf("ACME."), text.indexOf("ACME.") + 4, "token"));
    }

    @Test
    void keywordsAreLiteralEvenWithRegexCharacters() {
        TenantDlp dlp = TenantDlp.compile(
                List.of(new RuleSpec("k", "keywords", null, List.of("a.b (c)"), true, "token")), Set.of());
        assertThat(dlp.scan("axb (c) and a.b (c)")).containsExactly(new RuleMatch("k", 12, 19, "token"));
    }

    @Test
    void disabledTypesAreNotReported() {
        TenantDlp dlp = TenantDlp.compile(List.of(), Set.of("IP_ADDRESS"));
        assertThat(dlp.reports("IP_ADDRESS")).isFalse();
        assertThat(dlp.reports("EMAIL_ADDRESS")).isTrue();
    }
}
