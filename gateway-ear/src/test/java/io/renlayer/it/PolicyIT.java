package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.sim.UpstreamSimulator.ReceivedRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tenant policies on real proxied calls: each action, priority order, live changes, dry-run. */
@ExtendWith(GatewayExtension.class)
class PolicyIT {

    private static final String AWS_KEY = "AKIAQWERTYUIOPASDFGH";

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void policiesApplyInPriorityOrderAndTheFirstAllowOrDenyDecides(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        policy(platform, t, """
                {"name":"trusted-team","priority":5,"conditions":{"headers":{"x-team":"trusted"}},"action":"ALLOW"}""");
        policy(platform, t, """
                {"name":"no-gpt4","priority":10,"conditions":{"models":["gpt-4*"]},"action":"DENY"}""");
        policy(platform, t, """
                {"name":"watch-everything","priority":20,"action":"FLAG"}""");
        Proxy proxy = new Proxy(gateway);

        int before = gateway.upstream.received().size();
        HttpResponse<String> denied = proxy.awaitStatus(t.key(), 403);
        assertThat(gateway.upstream.received()).hasSize(before);
        JsonObject error = Platform.json(denied.body()).getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("policy_denied");
        assertThat(error.getString("param")).isEqualTo("no-gpt4");
        assertThat(error.getString("message")).contains("no-gpt4");

        HttpResponse<String> trusted = chat(gateway, t.key(), "gpt-4o", "hi", "trusted");
        assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(200);

        HttpResponse<String> flagged = chat(gateway, t.key(), "o3-mini", "hello there", null);
        assertThat(flagged.statusCode()).isEqualTo(200);

        JsonObject deniedTrace = platform.awaitTrace(t.tenantId(), tr -> tr.getInt("status") == 403);
        assertThat(deniedTrace.getJsonArray("policies").getJsonObject(0).getString("policy"))
                .isEqualTo("no-gpt4");
        assertThat(deniedTrace.getJsonArray("policies").getJsonObject(0).getString("reason"))
                .contains("gpt-4o matches gpt-4*");
        JsonObject allowedTrace = platform.awaitTrace(
                t.tenantId(), tr -> tr.getInt("status") == 200 && "gpt-4o".equals(tr.getString("model", null)));
        assertThat(allowedTrace.getJsonArray("policies")).hasSize(1);
        assertThat(allowedTrace.getJsonArray("policies").getJsonObject(0).getString("action"))
                .isEqualTo("ALLOW");
        JsonObject flaggedTrace =
                platform.awaitTrace(t.tenantId(), tr -> "o3-mini".equals(tr.getString("model", null)));
        assertThat(flaggedTrace.getJsonArray("flags").getValuesAs(JsonString::getString))
                .contains("policy:watch-everything");
    }

    @Test
    void aDenyAnswersInTheAnthropicDialectOnMessages(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        platform.addAnthropicUpstream(t.tenantId());
        policy(platform, t, "{\"name\":\"no-claude\",\"conditions\":{\"models\":[\"claude-*\"]},\"action\":\"deny\"}");

        HttpResponse<String> refused = null;
        for (int i = 0; i < 50 && (refused == null || refused.statusCode() != 403); i++) {
            refused = http.send(
                    HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/v1/messages"))
                            .header("x-api-key", t.key())
                            .header("anthropic-version", "2023-06-01")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("""
                            {"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}"""))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(100);
        }
        assertThat(refused.statusCode()).isEqualTo(403);
        JsonObject body = Platform.json(refused.body());
        assertThat(body.getString("type")).isEqualTo("error");
        assertThat(body.getJsonObject("error").getString("type")).isEqualTo("permission_error");
        assertThat(body.getJsonObject("error").getString("message")).contains("no-claude");
    }

    @Test
    void redactReplacesFindingsBeforeForwardingAndInTheAnswer(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        policy(platform, t, """
                {"name":"mask-keys","priority":1,"phase":"request","conditions":{"findingTypes":["AWS_ACCESS_KEY_ID"]},
                 "action":"REDACT"}""");
        policy(platform, t, """
                {"name":"mask-mail-out","priority":2,"phase":"response","conditions":{"findingTypes":["EMAIL_ADDRESS"]},
                 "action":"REDACT"}""");
        Thread.sleep(1000); // both policies live on the proxy (one change notification each)

        HttpResponse<String> plain = chat(gateway, t.key(), "gpt-4o", "key " + AWS_KEY + " mail jane@acme.io", null);
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
        ReceivedRequest forwarded = gateway.upstream.received().getLast();
        assertThat(new String(forwarded.body(), StandardCharsets.UTF_8))
                .doesNotContain(AWS_KEY)
                .contains("[REDACTED:AWS_ACCESS_KEY_ID]")
                .contains("jane@acme.io"); // the request phase leaves mail alone
        String answer = Platform.json(plain.body())
                .getJsonArray("choices")
                .getJsonObject(0)
                .getJsonObject("message")
                .getString("content");
        assertThat(answer).contains("[REDACTED:EMAIL_ADDRESS]").doesNotContain("jane@acme.io");
        assertThat(Platform.json(plain.body()).getJsonObject("usage").getInt("total_tokens"))
                .isPositive();

        HttpResponse<String> streamed = http.send(
                HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/v1/chat/completions"))
                        .header("Authorization", "Bearer " + t.key())
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"write to jane@acme.io\"}]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.body())
                .contains("[REDACTED:EMAIL_ADDRESS]")
                .doesNotContain("jane@acme.io")
                .contains("[DONE]");

        JsonObject trace = platform.awaitTrace(
                t.tenantId(), tr -> tr.getJsonArray("flags").toString().contains("request_redacted"));
        assertThat(trace.getJsonArray("policies").toString())
                .contains("mask-keys")
                .contains("mask-mail-out");
        assertThat(trace.getJsonArray("findings").toString()).contains("AWS_ACCESS_KEY_ID");
    }

    @Test
    void badPoliciesAreRefusedWithTheFieldNamedAndChangesAreVersioned(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        String base = "/api/v1/tenants/" + t.tenantId() + "/policies";

        HttpResponse<String> unknownCondition =
                platform.post(base, "{\"name\":\"x\",\"conditions\":{\"colour\":[\"red\"]},\"action\":\"DENY\"}");
        HttpResponse<String> badTime = platform.post(
                base,
                "{\"name\":\"x\",\"conditions\":{\"timeOfDay\":{\"from\":\"25:00\",\"to\":\"10:00\"}},\"action\":\"DENY\"}");
        HttpResponse<String> badAction = platform.post(base, "{\"name\":\"x\",\"action\":\"EXPLODE\"}");
        assertThat(unknownCondition.statusCode()).isEqualTo(400);
        assertThat(unknownCondition.body()).contains("conditions.colour");
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.body()).contains("conditions.timeOfDay.from");
        assertThat(badAction.statusCode()).isEqualTo(400);
        assertThat(badAction.body()).contains("action");

        JsonObject created = policy(platform, t, "{\"name\":\"v\",\"action\":\"FLAG\"}");
        HttpResponse<String> replaced = platform.send(HttpRequest.newBuilder(
                        URI.create(platform.controlUrl() + base + "/" + created.getString("id")))
                .header("Authorization", "Bearer " + gateway.operatorToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"v\",\"priority\":7,\"action\":\"DENY\"}")));
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(Platform.json(replaced.body()).getInt("version")).isEqualTo(2);
        HttpResponse<String> versions = platform.get(base + "/" + created.getString("id") + "/versions");
        assertThat(Platform.json(versions.body()).getJsonArray("items")).hasSize(2);

        Platform.TestTenant other = platform.newTenant();
        HttpResponse<String> crossTenant =
                platform.get("/api/v1/tenants/" + other.tenantId() + "/policies/" + created.getString("id"));
        assertThat(crossTenant.statusCode()).isEqualTo(404);
    }

    @Test
    void aDryRunReplaysStoredTracesThroughADraft(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        Proxy proxy = new Proxy(gateway);
        String since = Instant.now().minusSeconds(5).toString();
        proxy.chat(t.key(), Proxy.userMessage("gpt-4o", "deploy with " + AWS_KEY));
        proxy.chat(t.key(), Proxy.userMessage("gpt-4o", "nothing secret here"));
        proxy.chat(t.key(), Proxy.userMessage("gpt-4o-mini", "also " + AWS_KEY));
        for (int i = 0; i < 150 && platform.traces(t.tenantId()).size() < 3; i++) {
            Thread.sleep(100);
        }

        HttpResponse<String> report =
                platform.post("/api/v1/tenants/" + t.tenantId() + "/policies/dry-run", """
                {"from":"%s","policy":{"name":"no-aws-keys","priority":1,
                 "conditions":{"findingTypes":["AWS_ACCESS_KEY_ID"],"models":["gpt-4o"]},"action":"DENY"}}""".formatted(since));
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        JsonObject result = Platform.json(report.body());
        assertThat(result.getInt("evaluated")).isEqualTo(3);
        assertThat(result.getJsonObject("current").getInt("denied")).isZero();
        assertThat(result.getJsonObject("proposed").getInt("denied")).isEqualTo(1);
        assertThat(result.getInt("changed")).isEqualTo(1);
        assertThat(result.getJsonArray("samples").getJsonObject(0).getString("proposed"))
                .isEqualTo("DENY");
    }

    static JsonObject policy(Platform platform, Platform.TestTenant t, String json) throws Exception {
        HttpResponse<String> created = platform.post("/api/v1/tenants/" + t.tenantId() + "/policies", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Platform.json(created.body());
    }

    private HttpResponse<String> chat(Gateway gateway, String key, String model, String content, String team)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Proxy.userMessage(model, content)));
        if (team != null) {
            request.header("x-team", team);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
