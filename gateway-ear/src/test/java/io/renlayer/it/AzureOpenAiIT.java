package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.sim.UpstreamSimulator.ReceivedRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Azure OpenAI is the OpenAI provider with settings: deployment in the path, api-version, api-key. */
@ExtendWith(GatewayExtension.class)
class AzureOpenAiIT {

    @Test
    void chatReachesTheDeploymentTheModelNames(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        String tenant = Platform.json(
                        platform.post("/api/v1/tenants", "{\"name\":\"azure\"}").body())
                .getString("id");
        String agent = Platform.json(platform.post("/api/v1/tenants/" + tenant + "/agents", "{\"name\":\"a\"}")
                        .body())
                .getString("id");
        String key = Platform.json(platform.post(
                                "/api/v1/tenants/" + tenant + "/keys", "{\"agentId\":\"" + agent + "\",\"name\":\"k\"}")
                        .body())
                .getString("key");
        String azureBase = gateway.upstream.baseUrl().replace("/v1", "/openai");

        HttpResponse<String> refused = platform.post(
                "/api/v1/tenants/" + tenant + "/upstreams", """
                {"name":"az","provider":"openai","baseUrl":"%s","credential":"%s","settings":{"flavor":"azure"}}""".formatted(azureBase, Gateway.UPSTREAM_CREDENTIAL));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Platform.json(refused.body()).getString("field")).isEqualTo("settings");

        HttpResponse<String> created = platform.post(
                "/api/v1/tenants/" + tenant + "/upstreams", """
                {"name":"az","provider":"openai","baseUrl":"%s","credential":"%s",
                 "settings":{"flavor":"azure","apiVersion":"2024-10-21"}}""".formatted(azureBase, Gateway.UPSTREAM_CREDENTIAL));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body())
                .doesNotContain(Gateway.UPSTREAM_CREDENTIAL)
                .contains("\"apiVersion\":\"2024-10-21\"");

        Proxy proxy = new Proxy(gateway);
        HttpResponse<String> chat = proxy.chat(key, Proxy.userMessage("gpt-4o", "hello azure"));
        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
        assertThat(Platform.json(chat.body())
                        .getJsonArray("choices")
                        .getJsonObject(0)
                        .getJsonObject("message")
                        .getString("content"))
                .isEqualTo("Echo: hello azure");

        ReceivedRequest sent = lastAzureCall(gateway);
        // The simulator answers Azure paths only with an api-version and the right api-key.
        assertThat(sent.path()).isEqualTo("/openai/deployments/gpt-4o/chat/completions");
        assertThat(sent.header("api-key")).isEqualTo(Gateway.UPSTREAM_CREDENTIAL);
        assertThat(sent.header("authorization")).isNull();
        assertThat(platform.awaitTrace(tenant, t -> t.getInt("status") == 200).getInt("totalTokens"))
                .isPositive();
    }

    private static ReceivedRequest lastAzureCall(Gateway gateway) {
        List<ReceivedRequest> calls = gateway.upstream.received().stream()
                .filter(r -> r.path().startsWith("/openai/"))
                .toList();
        assertThat(calls).isNotEmpty();
        return calls.get(calls.size() - 1);
    }
}
