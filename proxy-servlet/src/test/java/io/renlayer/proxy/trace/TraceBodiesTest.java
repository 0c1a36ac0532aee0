package io.renlayer.proxy.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.proxy.inspect.DetectedFinding;
import io.renlayer.proxy.inspect.FindingTokens;
import io.renlayer.proxy.inspect.RedactionKey;
import io.renlayer.proxy.inspect.ScanResult;
import io.renlayer.proxy.inspect.TextScanner;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TraceBodiesTest {

    @Test
    void replacesEveryFindingAndMergesOverlaps() {
        String text = "{\"content\":\"mail a@b.io key AKIAQWERTYUIOPASDFGH\"}";
        int mail = text.indexOf("a@b.io");
        int key = text.indexOf("AKIA");
        List<DetectedFinding> findings = List.of(
                new DetectedFinding("pii", Finding.of("EMAIL_ADDRESS", mail, mail + 6, 0.9)),
                new DetectedFinding("secrets", Finding.of("AWS_ACCESS_KEY_ID", key, key + 20, 0.99)),
                new DetectedFinding("secrets", Finding.of("GENERIC_SECRET", key + 4, key + 20, 0.5)));

        assertThat(FindingTokens.replace(text, findings))
                .isEqualTo("{\"content\":\"mail [REDACTED:EMAIL_ADDRESS] key [REDACTED:AWS_ACCESS_KEY_ID]\"}");
    }

    @Test
    void storesABoundedRedactedCopyAndSaysWhenItWasCut() {
        String secret = "AKIAQWERTYUIOPASDFGH";
        String big = secret + "x".repeat(TraceBodies.STORED_LIMIT);
        String stored = TraceBodies.redacted(
                big,
                false,
                (text, tenant, phase) -> new ScanResult(
                        List.of(new DetectedFinding("s", Finding.of("AWS_ACCESS_KEY_ID", 0, 20, 1.0))), List.of()),
                "t",
                ScanInput.Phase.REQUEST);

        assertThat(stored)
                .startsWith("[REDACTED:AWS_ACCESS_KEY_ID]")
                .doesNotContain(secret)
                .endsWith(TraceBodies.TRUNCATED);
        assertThat(stored.length()).isEqualTo(TraceBodies.STORED_LIMIT + TraceBodies.TRUNCATED.length());
        assertThat(TraceBodies.redacted("", false, (t, x, p) -> ScanResult.NOTHING, "t", ScanInput.Phase.REQUEST))
                .isNull();
    }

    @Test
    void sessionComesFromTheHeaderTheMcpSessionOrTheConversation() {
        assertThat(SessionIds.of(Map.of("x-session-id", "s-1", "mcp-session-id", "m"), "{}"))
                .isEqualTo("s-1");
        assertThat(SessionIds.of(Map.of("mcp-session-id", "m-9"), null)).isEqualTo("m-9");
        assertThat(SessionIds.of(Map.of(), "{\"conversation\":\"conv_1\",\"input\":\"hi\"}"))
                .isEqualTo("conv_1");
        assertThat(SessionIds.of(Map.of(), "{\"conversation\":{\"id\":\"conv_2\"}}"))
                .isEqualTo("conv_2");
        assertThat(SessionIds.of(Map.of(), "{\"metadata\":{\"session_id\":\"meta\"}}"))
                .isEqualTo("meta");
        assertThat(SessionIds.of(Map.of(), "{\"model\":\"gpt-4o\"}")).isNull();
        assertThat(SessionIds.of(Map.of(), "not json")).isNull();
        assertThat(SessionIds.of(Map.of("x-session-id", "x".repeat(500)), null)).hasSize(SessionIds.MAX_LENGTH);
    }

    @Test
    void tenantRulesChooseTokenMaskOrHash() {
        String text = "badge EMP-123456 and EMP-123456 again, code FALCON";
        RedactionKey key = new RedactionKey("tenant-a-key".getBytes());
        DetectedFinding first = new DetectedFinding("rule:ids", Finding.of("CUSTOM", 6, 16, 1.0), "hash", key);
        DetectedFinding second = new DetectedFinding("rule:ids", Finding.of("CUSTOM", 21, 31, 1.0), "hash", key);
        DetectedFinding code = new DetectedFinding("rule:names", Finding.of("CUSTOM", 44, 50, 1.0), "mask");

        String redacted = FindingTokens.replace(text, List.of(first, second, code));

        assertThat(redacted).matches("badge \\[HASH:[0-9a-f]{12}] and \\[HASH:[0-9a-f]{12}] again, code \\*{6}");
        // The same value hashes the same, so an investigator can tell the two apart from a third.
        assertThat(redacted.substring(6, 25)).isEqualTo(redacted.substring(30, 49));
        assertThat(redacted).doesNotContain("EMP-123456").doesNotContain("FALCON");
        // Keyed: not the value's bare SHA-256 (which anyone could recompute for every EMP-dddddd),
        // and another tenant's hash of the same value differs.
        assertThat(redacted).doesNotContain(sha256Prefix("EMP-123456"));
        DetectedFinding otherTenant = new DetectedFinding(
                "rule:ids", Finding.of("CUSTOM", 6, 16, 1.0), "hash", new RedactionKey("tenant-b-key".getBytes()));
        assertThat(FindingTokens.replace(text, List.of(otherTenant)).substring(6, 25))
                .isNotEqualTo(redacted.substring(6, 25));
    }

    private static String sha256Prefix(String value) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void jsonBodiesAreRedactedInsideTheirValuesAndStayJson() {
        String body = "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"name\":\"deploy\","
                + "\"arguments\":\"{\\\"key\\\":\\\"AKIAQWERTYUIOPASDFGH\\\"}\"}}]}]}";
        Pattern aws = Pattern.compile("AKIA[A-Z0-9]{16}");
        TextScanner scanner = (text, tenant, phase) -> {
            Matcher m = aws.matcher(text);
            List<DetectedFinding> found = new ArrayList<>();
            while (m.find()) {
                found.add(new DetectedFinding("t", Finding.of("AWS_ACCESS_KEY_ID", m.start(), m.end(), 1.0)));
            }
            return new ScanResult(found, List.of());
        };

        String stored = TraceBodies.redacted(body, false, scanner, "t", ScanInput.Phase.REQUEST);

        assertThat(stored).doesNotContain("AKIA").contains("[REDACTED:AWS_ACCESS_KEY_ID]");
        assertThat(Json.createReader(new StringReader(stored))
                        .readObject()
                        .getJsonArray("messages")
                        .getJsonObject(0)
                        .getJsonArray("tool_calls")
                        .getJsonObject(0)
                        .getJsonObject("function")
                        .getString("arguments"))
                .isEqualTo("{\"key\":\"[REDACTED:AWS_ACCESS_KEY_ID]\"}");
    }

    private static final Pattern SECRETS = Pattern.compile("AKIA[A-Z0-9]{16}|\\w+@\\w+\\.io");

    /** Finds AWS key ids and e-mail addresses, and remembers every text it was given. */
    private static TextScanner recording(List<String> scanned) {
        return (text, tenant, phase) -> {
            scanned.add(text);
            Matcher m = SECRETS.matcher(text);
            List<DetectedFinding> found = new ArrayList<>();
            while (m.find()) {
                found.add(new DetectedFinding(
                        "t",
                        Finding.of(
                                m.group().startsWith("AKIA") ? "AWS_ACCESS_KEY_ID" : "EMAIL_ADDRESS",
                                m.start(),
                                m.end(),
                                1.0)));
            }
            return new ScanResult(found, List.of());
        };
    }

    private static final String PROMPT = "deploy with AKIAQWERTYUIOPASDFGH today";
    private static final String REQUEST = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\""
            + PROMPT + "\"}],\"tools\":[{\"description\":\"mails ops@corp.io\"}]}";

    /** What the request path's scan of PROMPT found: its AWS key. */
    private static ScanResult promptScanFindingItsKey() {
        int key = PROMPT.indexOf("AKIA");
        return new ScanResult(
                List.of(new DetectedFinding("t", Finding.of("AWS_ACCESS_KEY_ID", key, key + 20, 1.0))), List.of());
    }

    @Test
    void theStoredRequestReusesThePromptsFindingsAndScansOnlyTheOtherStrings() {
        List<String> scanned = new ArrayList<>();
        ScanResult promptScan = promptScanFindingItsKey();

        String stored = TraceBodies.redactedRequest(REQUEST, PROMPT, null, promptScan, recording(scanned), "t")
                .toString();

        assertThat(stored)
                .doesNotContain("AKIA")
                .doesNotContain("ops@corp.io")
                .contains("[REDACTED:AWS_ACCESS_KEY_ID]", "[REDACTED:EMAIL_ADDRESS]", "gpt-4o");
        assertThat(scanned).hasSize(1);
        assertThat(scanned.get(0)).contains("mails ops@corp.io").doesNotContain("deploy with");
    }

    @Test
    void theOtherStringsTheRequestPathReadAreScannedInsteadOfReadingTheBodyAgain() {
        List<String> scanned = new ArrayList<>();
        ScanResult promptScan = promptScanFindingItsKey();

        String stored = TraceBodies.redactedRequest(
                        REQUEST, PROMPT, "gpt-4o\nuser\nmails ops@corp.io", promptScan, recording(scanned), "t")
                .toString();

        assertThat(scanned).containsExactly("gpt-4o\nuser\nmails ops@corp.io");
        assertThat(stored)
                .doesNotContain("AKIA")
                .doesNotContain("ops@corp.io")
                .contains("[REDACTED:AWS_ACCESS_KEY_ID]", "[REDACTED:EMAIL_ADDRESS]", "\"role\":\"user\"");
    }

    @Test
    void aPromptWhoseScanFailedOrNeverRanIsScannedAgainWithTheWholeBody() {
        ScanResult failed = new ScanResult(List.of(), List.of("secrets"));
        for (ScanResult promptScan : Arrays.asList(failed, null)) {
            List<String> scanned = new ArrayList<>();

            String stored = TraceBodies.redactedRequest(REQUEST, PROMPT, null, promptScan, recording(scanned), "t")
                    .toString();

            assertThat(stored).doesNotContain("AKIA").doesNotContain("ops@corp.io");
            assertThat(scanned).singleElement().asString().contains("deploy with", "mails ops@corp.io");
        }
    }
}
