package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tenant DLP rules and switched-off types: in the scan endpoint and in the proxy's decisions. */
@ExtendWith(GatewayExtension.class)
class TenantDlpIT {

    @Test
    void scanReportsBuiltInAndTenantFindingsWithCharacterOffsets(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        String tenant = platform.newTenant().tenantId();
        String api = "/api/v1/tenants/" + tenant;
        assertThat(platform.post(api + "/dlp-rules", "{\"name\":\"employee-id\",\"pattern\":\"EMP-\\\\d{6}\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(platform.post(
                                api + "/dlp-rules",
                                "{\"name\":\"codenames\",\"kind\":\"keywords\",\"keywords\":[\"Project Falcon\"]}")
                        .statusCode())
                .isEqualTo(201);
        String text =
                "Ünïcode first: mail jane.doe@acme-corp.com about project falcon, badge EMP-004211, host 10.1.2.3";

        JsonArray findings = scan(platform, api, text);
        assertThat(types(findings)).contains("EMAIL_ADDRESS", "IP_ADDRESS", "CUSTOM");
        for (JsonValue v : findings) {
            JsonObject f = v.asJsonObject();
            String covered = text.substring(f.getInt("start"), f.getInt("end"));
            switch (f.getString("type")) {
                case "EMAIL_ADDRESS" -> assertThat(covered).isEqualTo("jane.doe@acme-corp.com");
                case "IP_ADDRESS" -> assertThat(covered).isEqualTo("10.1.2.3");
                case "CUSTOM" ->
                    assertThat(List.of("project falcon", "EMP-004211")).contains(covered);
                default -> {}
            }
        }
        assertThat(findings.stream().map(v -> v.asJsonObject().getString("detector")))
                .contains("rule:employee-id", "rule:codenames");

        assertThat(platform.send(HttpRequest.newBuilder(URI.create(platform.controlUrl() + api + "/dlp/settings"))
                                .header("Authorization", "Bearer " + gateway.operatorToken)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"disabledTypes\":[\"IP_ADDRESS\"]}")))
                        .statusCode())
                .isEqualTo(200);
        assertThat(types(scan(platform, api, text)))
                .doesNotContain("IP_ADDRESS")
                .contains("EMAIL_ADDRESS");
    }

    @Test
    void theWiderCatalogRunsInTheServerAndEachNewTypeCanBeSwitchedOff(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        String api = "/api/v1/tenants/" + platform.newTenant().tenantId();
        String nhs = "943 476 5919";
        String gitlab = "glpat-" + "Zx81kQ2mN7pL4rT9vB3c";
        String wallet = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"; // EIP-55: Keccak-256 in the shaded jar
        String text = "Patient NHS number " + nhs + ", deploy token " + gitlab + ", refund to " + wallet
                + ", Aadhaar 2345 6789 0125 fails its Verhoeff check.";

        JsonArray findings = scan(platform, api, text);
        assertThat(types(findings)).contains("UK_NHS", "GITLAB_TOKEN", "CRYPTO").doesNotContain("IN_AADHAAR");
        for (JsonValue v : findings) {
            JsonObject f = v.asJsonObject();
            String covered = text.substring(f.getInt("start"), f.getInt("end"));
            switch (f.getString("type")) {
                case "UK_NHS" -> assertThat(covered).isEqualTo(nhs);
                case "GITLAB_TOKEN" -> assertThat(covered).isEqualTo(gitlab);
                case "CRYPTO" -> assertThat(covered).isEqualTo(wallet);
                default -> {}
            }
        }

        assertThat(platform.send(HttpRequest.newBuilder(URI.create(platform.controlUrl() + api + "/dlp/settings"))
                                .header("Authorization", "Bearer " + gateway.operatorToken)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(
                                        "{\"disabledTypes\":[\"UK_NHS\",\"GITLAB_TOKEN\"]}")))
                        .statusCode())
                .isEqualTo(200);
        assertThat(types(scan(platform, api, text)))
                .doesNotContain("UK_NHS", "GITLAB_TOKEN")
                .contains("CRYPTO");
    }

    @Test
    void unsupportedPatternsAreRefusedAtSave(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        String api = "/api/v1/tenants/" + platform.newTenant().tenantId();
        for (String pattern : List.of("(a)\\\\1", "secret(?=\\\\d)", "[open")) {
            HttpResponse<String> refused =
                    platform.post(api + "/dlp-rules", "{\"name\":\"bad\",\"pattern\":\"" + pattern + "\"}");
            assertThat(refused.statusCode()).as(pattern).isEqualTo(400);
            assertThat(Platform.json(refused.body()).getString("field")).isEqualTo("pattern");
        }
        assertThat(Platform.json(platform.get(api + "/dlp-rules").body()).getJsonArray("items"))
                .isEmpty();
    }

    @Test
    void aTenantRuleDrivesPoliciesInTheProxy(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        String api = "/api/v1/tenants/" + t.tenantId();
        Proxy proxy = new Proxy(gateway);
        platform.post(
                api + "/policies",
                "{\"name\":\"no-codenames\",\"priority\":1,\"conditions\":{\"findingTypes\":[\"CUSTOM\"]},\"action\":\"DENY\"}");
        String prompt = Proxy.userMessage("gpt-4o", "status of Project Falcon?");
        assertThat(proxy.chat(t.key(), prompt).statusCode()).isEqualTo(200);

        platform.post(
                api + "/dlp-rules", "{\"name\":\"codenames\",\"kind\":\"keywords\",\"keywords\":[\"project falcon\"]}");
        HttpResponse<String> denied = proxy.awaitStatus(t.key(), prompt, 403);
        assertThat(Platform.json(denied.body()).getJsonObject("error").getString("code"))
                .isEqualTo("policy_denied");

        JsonObject trace = platform.awaitTrace(t.tenantId(), tr -> tr.getInt("status") == 403);
        assertThat(trace.getJsonArray("findings").getJsonObject(0).getString("detector"))
                .isEqualTo("rule:codenames");
    }

    @Test
    void aRuleChoosesHowItsFindingsAreRedacted(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        String api = "/api/v1/tenants/" + t.tenantId();
        platform.post(api + "/dlp-rules", "{\"name\":\"badges\",\"pattern\":\"EMP-\\\\d{6}\",\"redaction\":\"hash\"}");
        platform.post(
                api + "/dlp-rules",
                "{\"name\":\"codenames\",\"kind\":\"keywords\",\"keywords\":[\"falcon\"]," + "\"redaction\":\"mask\"}");
        platform.post(
                api + "/policies",
                "{\"name\":\"hide-custom\",\"priority\":1,\"conditions\":{\"findingTypes\":[\"CUSTOM\"]},\"action\":\"REDACT\"}");
        Proxy proxy = new Proxy(gateway);
        String prompt = Proxy.userMessage("gpt-4o", "EMP-004211 works on falcon");

        HttpResponse<String> answer = null;
        for (int i = 0; i < 50 && (answer == null || !answer.body().contains("******")); i++) {
            answer = proxy.chat(t.key(), prompt);
            Thread.sleep(100);
        }
        String echoed = Platform.json(answer.body())
                .getJsonArray("choices")
                .getJsonObject(0)
                .getJsonObject("message")
                .getString("content");
        assertThat(echoed).matches("Echo: \\[HASH:[0-9a-f]{12}] works on \\*{6}");
    }

    private static JsonArray scan(Platform platform, String api, String text) throws Exception {
        HttpResponse<String> response = platform.post(api + "/dlp/scan", "{\"text\":\"" + text + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Platform.json(response.body()).getJsonArray("findings");
    }

    private static List<String> types(JsonArray findings) {
        return findings.stream().map(v -> v.asJsonObject().getString("type")).toList();
    }
}
