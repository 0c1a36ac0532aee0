package io.renlayer.plugins.dlp;

import static io.renlayer.plugins.dlp.Anchors.digitClusters;
import static io.renlayer.plugins.dlp.Boundaries.NUMBER_END;
import static io.renlayer.plugins.dlp.Boundaries.NUMBER_START;
import static io.renlayer.plugins.dlp.Boundaries.WORD_END;
import static io.renlayer.plugins.dlp.Boundaries.WORD_START;

import java.util.List;

/**
 * Identifiers of the Americas beyond the SSN: US ITIN, passport, bank account and DEA numbers
 * (Presidio's US_ITIN, US_PASSPORT, US_BANK_NUMBER, MEDICAL_LICENSE) and Brazil's CPF and CNPJ.
 * Numbers without a check digit are reported only with a word of context near them.
 */
final class AmericasIds {

    private AmericasIds() {}

    static final List<PatternRule> RULES = List.of(
            PatternRule.of(
                            "US_ITIN",
                            List.of(),
                            NUMBER_START + "9\\d{2}[- ]?\\d{2}[- ]?\\d{4}" + NUMBER_END,
                            IdChecks::usItin,
                            0.85)
                    .near(digitClusters(9), 0, 13)
                    .inContext(Context.of(
                            "itin", "taxpayer identification", "taxpayer id", "tax id", "individual taxpayer")),
            PatternRule.of(
                            "US_PASSPORT",
                            List.of(),
                            WORD_START + "(?:\\d{9}|[A-Z]\\d{8})" + WORD_END,
                            v -> !IdChecks.allSame(v),
                            0.8)
                    .near(digitClusters(8), 1, 10)
                    .inContext(Context.of("passport")),
            PatternRule.of(
                            "US_BANK_NUMBER",
                            List.of(),
                            NUMBER_START + "\\d{8,17}" + NUMBER_END,
                            v -> !IdChecks.allSame(v),
                            0.8)
                    .near(digitClusters(8), 0, 18)
                    .inContext(Context.of(
                            "bank account",
                            "account number",
                            "account no",
                            "acct",
                            "checking account",
                            "savings account",
                            "routing",
                            "a/c")),
            PatternRule.of(
                            "MEDICAL_LICENSE",
                            List.of(),
                            WORD_START + "[ABCDEFGHJKLMPRSTUX][A-Z9]\\d{7}" + WORD_END,
                            IdChecks::usDea,
                            0.9)
                    .near(Anchors.digitClustersBesideCapital(7), 2, 8),
            PatternRule.of(
                            "BR_CPF",
                            List.of(),
                            NUMBER_START + "\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}" + NUMBER_END,
                            IdChecks::brCpf,
                            0.95)
                    .near(digitClusters(11), 0, 16),
            PatternRule.of("BR_CPF", List.of(), NUMBER_START + "\\d{11}" + NUMBER_END, IdChecks::brCpf, 0.9)
                    .near(digitClusters(11), 0, 12)
                    .inContext(Context.of("cpf", "cadastro de pessoas")),
            PatternRule.of(
                            "BR_CNPJ",
                            List.of(),
                            NUMBER_START + "\\d{2}\\.\\d{3}\\.\\d{3}/\\d{4}-\\d{2}" + NUMBER_END,
                            IdChecks::brCnpj,
                            0.95)
                    .near(digitClusters(8), 0, 20),
            PatternRule.of("BR_CNPJ", List.of(), NUMBER_START + "\\d{14}" + NUMBER_END, IdChecks::brCnpj, 0.9)
                    .near(digitClusters(14), 0, 15)
                    .inContext(Context.of("cnpj", "cadastro nacional")));
}
