package io.renlayer.plugins.dlp;

import static io.renlayer.plugins.dlp.Anchors.digitClusters;
import static io.renlayer.plugins.dlp.Boundaries.NUMBER_END;
import static io.renlayer.plugins.dlp.Boundaries.NUMBER_START;
import static io.renlayer.plugins.dlp.Boundaries.WORD_END;
import static io.renlayer.plugins.dlp.Boundaries.WORD_START;

import java.util.List;

/**
 * National identifiers of Singapore, Australia, India, Korea and Thailand, named as Presidio
 * names them. Check digits first; context words where the check is weak for the length or absent.
 */
final class AsiaPacificIds {

    private AsiaPacificIds() {}

    static final List<PatternRule> RULES = List.of(
            PatternRule.of(
                            "SG_NRIC_FIN",
                            List.of(),
                            WORD_START + "[STFG]\\d{7}[A-Z]" + WORD_END,
                            IdChecks::sgNricFin,
                            0.95)
                    .near(Anchors.digitClustersBesideCapital(7), 1, 9),
            PatternRule.of(
                            "SG_UEN",
                            List.of(),
                            WORD_START + "(?:\\d{8}[A-Z]|\\d{9}[A-Z]|[TSR]\\d{2}[A-Z]{2}\\d{4}[A-Z])" + WORD_END,
                            IdChecks::sgUen,
                            0.85)
                    .near(Anchors.digitClustersBesideCapital(4), 6, 11)
                    .inContext(Context.of(
                            "uen", "unique entity number", "business registration", "acra", "registration number")),
            PatternRule.of(
                            "AU_TFN",
                            List.of(),
                            NUMBER_START + "\\d{3} ?\\d{3} ?\\d{3}" + NUMBER_END,
                            IdChecks::auTfn,
                            0.9)
                    .near(digitClusters(9), 0, 13)
                    .inContext(Context.of("tfn", "tax file number", "tax file no")),
            PatternRule.of(
                            "AU_ABN",
                            List.of(),
                            NUMBER_START + "\\d{2} \\d{3} \\d{3} \\d{3}" + NUMBER_END,
                            IdChecks::auAbn,
                            0.9)
                    .near(digitClusters(11), 0, 16),
            PatternRule.of("AU_ABN", List.of(), NUMBER_START + "\\d{11}" + NUMBER_END, IdChecks::auAbn, 0.9)
                    .near(digitClusters(11), 0, 12)
                    .inContext(Context.of("abn", "australian business number", "business number")),
            PatternRule.of(
                            "AU_ACN",
                            List.of(),
                            NUMBER_START + "\\d{3} ?\\d{3} ?\\d{3}" + NUMBER_END,
                            IdChecks::auAcn,
                            0.85)
                    .near(digitClusters(9), 0, 13)
                    .inContext(Context.of("acn", "australian company number", "company number", "company no")),
            PatternRule.of(
                            "AU_MEDICARE",
                            List.of(),
                            NUMBER_START + "[2-6]\\d{3} ?\\d{5} ?\\d" + NUMBER_END,
                            IdChecks::auMedicare,
                            0.85)
                    .near(digitClusters(10), 0, 14)
                    .inContext(Context.of("medicare")),
            PatternRule.of(
                            "IN_AADHAAR",
                            List.of(),
                            NUMBER_START + "[2-9]\\d{3}[ -]?\\d{4}[ -]?\\d{4}" + NUMBER_END,
                            IdChecks::inAadhaar,
                            0.9)
                    .near(digitClusters(12), 0, 16)
                    .inContext(Context.of("aadhaar", "aadhar", "uidai", "uid", "\u0906\u0927\u093e\u0930")),
            PatternRule.of(
                            "IN_PAN",
                            List.of(),
                            WORD_START + "[A-Z]{3}[ABCFGHJLPT][A-Z]\\d{4}[A-Z]" + WORD_END,
                            v -> true,
                            0.85)
                    .near(Anchors.digitClustersBesideCapital(4), 5, 5)
                    .inContext(Context.of("pan", "permanent account number", "income tax", "\u092a\u0948\u0928")),
            PatternRule.of(
                            "IN_GSTIN",
                            List.of(),
                            WORD_START + "\\d{2}[A-Z]{5}\\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]" + WORD_END,
                            IdChecks::inGstin,
                            0.95)
                    .near(Anchors.digitClustersBesideCapital(4), 7, 8),
            PatternRule.of("KR_RRN", List.of(), NUMBER_START + "\\d{6}-?[1-8]\\d{6}" + NUMBER_END, IdChecks::krRrn, 0.9)
                    .near(digitClusters(13), 0, 15),
            PatternRule.of(
                            "TH_TNIN",
                            List.of(),
                            NUMBER_START + "[1-8][ -]\\d{4}[ -]\\d{5}[ -]\\d{2}[ -]\\d" + NUMBER_END,
                            IdChecks::thTnin,
                            0.95)
                    .near(digitClusters(13), 0, 18),
            PatternRule.of("TH_TNIN", List.of(), NUMBER_START + "[1-8]\\d{12}" + NUMBER_END, IdChecks::thTnin, 0.85)
                    .near(digitClusters(13), 0, 14)
                    .inContext(Context.of(
                            "\u0e40\u0e25\u0e02\u0e1b\u0e23\u0e30\u0e08\u0e33\u0e15\u0e31\u0e27\u0e1b\u0e23\u0e30\u0e0a\u0e32\u0e0a\u0e19",
                            "\u0e1a\u0e31\u0e15\u0e23\u0e1b\u0e23\u0e30\u0e0a\u0e32\u0e0a\u0e19",
                            "thai id",
                            "national id",
                            "id card",
                            "citizen id",
                            "tnin")));
}
