package io.renlayer.plugins.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/dlp.md names every finding type the detectors report and every gitleaks rule a family covers. */
class CatalogDocumentedTest {

    private static String catalog() throws IOException {
        return Files.readString(Path.of("..", "..", "docs", "dlp.md"));
    }

    @Test
    void everyTypeIsInTheCatalog() throws IOException {
        Set<String> types = new TreeSet<>(List.of("PHONE_NUMBER", "PRIVATE_KEY", "SOURCE_CODE", "CUSTOM"));
        Stream.of(PiiDetector.RULES, SecretsDetector.RULES, List.of(SecretsDetector.GENERIC_RULE))
                .flatMap(List::stream)
                .forEach(rule -> types.add(rule.type()));
        String catalog = catalog();
        assertThat(types.stream().filter(type -> !catalog.contains("`" + type + "`")))
                .as("types missing from docs/dlp.md")
                .isEmpty();
        assertThat(types).hasSizeGreaterThan(110);
    }

    @Test
    void everyGitleaksRuleATokenFamilyCoversIsNamed() throws IOException {
        String catalog = catalog();
        assertThat(TokenFamilies.FAMILIES.stream()
                        .flatMap(family -> family.gitleaks().stream())
                        .filter(rule -> !catalog.contains(rule)))
                .as("gitleaks rules missing from docs/dlp.md")
                .isEmpty();
    }
}
