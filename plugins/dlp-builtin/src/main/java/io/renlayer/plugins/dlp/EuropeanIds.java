package io.renlayer.plugins.dlp;

import static io.renlayer.plugins.dlp.Anchors.digitClusters;
import static io.renlayer.plugins.dlp.Boundaries.NUMBER_END;
import static io.renlayer.plugins.dlp.Boundaries.NUMBER_START;
import static io.renlayer.plugins.dlp.Boundaries.WORD_END;
import static io.renlayer.plugins.dlp.Boundaries.WORD_START;

import java.util.List;

/**
 * National identifiers of the UK and the EU, named as Presidio names them where it has them.
 * Each is confirmed by its check digit; those whose check is weak for their length (one in ten or
 * eleven) or that have none also need a word of context in the country's language or English.
 */
final class EuropeanIds {

    private EuropeanIds() {}

    static final List<PatternRule> RULES = List.of(
            PatternRule.of(
                            "UK_NHS",
                            List.of(),
                            NUMBER_START + "\\d{3}[ -]?\\d{3}[ -]?\\d{4}" + NUMBER_END,
                            IdChecks::ukNhs,
                            0.9)
                    .near(digitClusters(10), 0, 14)
                    .inContext(Context.of("nhs", "national health", "health service", "patient", "hospital", "gp")),
            PatternRule.of(
                            "UK_NINO",
                            List.of(),
                            WORD_START + "[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]"
                                    + WORD_END,
                            IdChecks::ukNino,
                            0.85)
                    .near(Anchors.digitClustersBesideCapital(6), 3, 12)
                    .inContext(
                            Context.of("national insurance", "ni number", "ni no", "nino", "insurance number", "ni")),
            PatternRule.of("ES_NIF", List.of(), WORD_START + "\\d{8}-?[A-HJ-NP-TV-Z]" + WORD_END, IdChecks::esNif, 0.9)
                    .near(Anchors.digitClustersBesideCapital(8), 0, 10)
                    .inContext(Context.of("dni", "nif", "d.n.i", "documento nacional", "identidad", "fiscal")),
            PatternRule.of(
                            "ES_NIE",
                            List.of(),
                            WORD_START + "[XYZ]-?\\d{7}-?[A-HJ-NP-TV-Z]" + WORD_END,
                            IdChecks::esNie,
                            0.9)
                    .near(Anchors.digitClustersBesideCapital(7), 2, 10),
            PatternRule.of(
                            "IT_FISCAL_CODE",
                            List.of(),
                            WORD_START
                                    + "[A-Z]{6}[\\dLMNP-V]{2}[A-EHLMPR-T][\\dLMNP-V]{2}[A-Z][\\dLMNP-V]{3}[A-Z]"
                                    + WORD_END,
                            IdChecks::itFiscalCode,
                            0.95)
                    .near(Anchors.digitClustersBesideCapital(1), 8, 16),
            PatternRule.of(
                            "IT_VAT_CODE",
                            List.of(),
                            WORD_START + "(?:IT ?)?\\d{11}" + NUMBER_END,
                            IdChecks::itVat,
                            0.85)
                    .near(digitClusters(11), 3, 12)
                    .inContext(Context.of("partita iva", "p.iva", "p. iva", "piva", "iva", "vat")),
            PatternRule.of("PL_PESEL", List.of(), NUMBER_START + "\\d{11}" + NUMBER_END, IdChecks::plPesel, 0.9)
                    .near(digitClusters(11), 0, 12)
                    .inContext(Context.of("pesel", "numer ewidencyjny")),
            PatternRule.of(
                            "FI_PERSONAL_IDENTITY_CODE",
                            List.of(),
                            WORD_START + "\\d{6}[-+A-FU-Y]\\d{3}[0-9A-FHJ-NPR-Y]" + WORD_END,
                            IdChecks::fiPersonalIdentityCode,
                            0.95)
                    .near(digitClusters(6), 0, 12),
            PatternRule.of(
                            "DE_TAX_ID",
                            List.of(),
                            NUMBER_START + "[1-9]\\d ?\\d{3} ?\\d{3} ?\\d{3}" + NUMBER_END,
                            IdChecks::deTaxId,
                            0.9)
                    .near(digitClusters(11), 0, 16)
                    .inContext(Context.of(
                            "steuer-id",
                            "steuerid",
                            "steuer-idnr",
                            "steueridentifikationsnummer",
                            "identifikationsnummer",
                            "idnr",
                            "steuerliche",
                            "tax id",
                            "tin")),
            PatternRule.of(
                            "FR_NIR",
                            List.of(),
                            NUMBER_START
                                    + "[1-478] ?\\d{2} ?\\d{2} ?(?:\\d{2}|2[AB]) ?\\d{3} ?\\d{3} ?\\d{2}"
                                    + NUMBER_END,
                            IdChecks::frNir,
                            0.95)
                    .near(digitClusters(8), 16, 24),
            PatternRule.of(
                            "NL_BSN",
                            List.of(),
                            NUMBER_START + "(?:\\d{9}|\\d{4}\\.\\d{2}\\.\\d{3}|\\d{3} \\d{3} \\d{3})" + NUMBER_END,
                            IdChecks::nlBsn,
                            0.9)
                    .near(digitClusters(9), 0, 13)
                    .inContext(Context.of(
                            "bsn", "burgerservicenummer", "sofinummer", "sofi-nummer", "citizen service number")),
            PatternRule.judgingItsOwnExamples( // its filler '<<<<' is no placeholder
                            "PASSPORT_MRZ",
                            "(?<![A-Z0-9<])[A-Z0-9<]{9}\\d[A-Z<]{3}\\d{6}\\d[MFX<]\\d{6}\\d[A-Z0-9<]{14}[0-9<]\\d(?![A-Z0-9<])",
                            IdChecks::mrzTd3,
                            0.99)
                    .near(Anchors.literals("<"), 44, 44));
}
