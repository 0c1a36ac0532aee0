package io.renlayer.admin.dlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.renlayer.core.errors.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DlpRuleServiceTest {

    @Test
    void patternsOutsideRe2AreRefusedAtSaveNamingTheField() {
        for (String unsupported : List.of("(a)\\1", "foo(?=bar)", "(?<!x)y", "[unclosed")) {
            assertThatThrownBy(() -> DlpRuleService.checkPattern(unsupported, true))
                    .as(unsupported)
                    .isInstanceOf(InvalidRequestException.class)
                    .extracting(e -> ((InvalidRequestException) e).field())
                    .isEqualTo("pattern");
        }
        assertThatThrownBy(() -> DlpRuleService.checkPattern("a*", true)).hasMessageContaining("empty string");
        assertThat(DlpRuleService.checkPattern("(a+)+$", true))
                .isEqualTo("(a+)+$"); // catastrophic elsewhere, linear in RE2
    }
}
