package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.sim.UpstreamSimulator.ReceivedRequest;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(GatewayExtension.class)
class ChatCompletionsIT {

    @Test
    void completionThroughTheGatewayIsAnsweredAndTracedWithItsTokens(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant tenant = platform.newTenant();

        HttpResponse<String> response =
                new Proxy(gateway).chat(tenant.key(), Proxy.userMessage("gpt-4o-mini", "three little words"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = Platform.json(response.body());
        assertThat(body.getJsonArray("choices")
                        .getJsonObject(0)
                        .getJsonObject("message")
                        .getString("content"))
                .isEqualTo("Echo: three little words");
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();

        JsonObject trace = platform.awaitTrace(tenant.tenantId(), t -> requestId.equals(t.getString("requestId")));
        assertThat(trace.getInt("status")).isEqualTo(200);
        assertThat(trace.getString("agentId")).isEqualTo(tenant.agentId());
        assertThat(trace.getString("keyId")).isEqualTo(tenant.keyId());
        assertThat(trace.getString("route")).isEqualTo("/v1/chat/completions");
        assertThat(trace.getString("model")).isEqualTo("gpt-4o-mini");
        assertThat(trace.getString("provider")).isEqualTo("openai");
        assertThat(trace.getBoolean("stream")).isFalse();
        // The simulator counts words: 3 in the prompt, 4 in "Echo: three little words".
        assertThat(trace.getInt("promptTokens")).isEqualTo(3);
        assertThat(trace.getInt("completionTokens")).isEqualTo(4);
        assertThat(trace.getInt("totalTokens")).isEqualTo(7);
        assertThat(trace.getInt("latencyMs")).isGreaterThanOrEqualTo(trace.getInt("upstreamLatencyMs"));
    }

    @Test
    void upstreamSeesTheGatewaysCredentialAndNeverTheVirtualKey(Gateway gateway) throws Exception {
        Platform.TestTenant tenant = new Platform(gateway).newTenant();
        String marker = "credential-check-" + System.nanoTime();

        HttpResponse<String> response = new Proxy(gateway).chat(tenant.key(), Proxy.userMessage("gpt-4o", marker));

        assertThat(response.statusCode()).isEqualTo(200);
        ReceivedRequest seen = gateway.upstream.received().stream()
                .filter(r -> new String(r.body()).contains(marker))
                .findFirst()
                .orElseThrow();
        assertThat(seen.header("authorization")).isEqualTo("Bearer " + Gateway.UPSTREAM_CREDENTIAL);
        assertThat(seen.header("x-api-key")).isNull();
        for (Map.Entry<String, List<String>> header : seen.headers().entrySet()) {
            assertThat(header.getValue()).as(header.getKey()).noneMatch(v -> v.contains(tenant.key()));
        }
    }

    @Test
    void aModelNoUpstreamServesIsRefusedInOpenAisErrorShape(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant tenant = platform.newTenant();
        platform.post("/api/v1/tenants/" + tenant.tenantId() + "/upstreams", """
                {"name":"narrow","provider":"openai","baseUrl":"http://127.0.0.1:9/v1","credential":"x","models":["only-this"]}""");
        // Remove the catch-all simulator upstream so only the narrow one is left.
        try (var db = Gateway.database();
                var st = db.prepareStatement(
                        "DELETE FROM renlayer.upstreams WHERE tenant_id = ?::uuid AND name = 'sim'")) {
            st.setString(1, tenant.tenantId());
            st.executeUpdate();
        }

        JsonObject error = Platform.json(
                        new Proxy(gateway).awaitStatus(tenant.key(), 404).body())
                .getJsonObject("error");

        assertThat(error.getString("code")).isEqualTo("model_not_found");
        assertThat(error.getString("type")).isEqualTo("invalid_request_error");
        assertThat(error.getString("param")).isEqualTo("model");
        assertThat(error.getString("request_id")).startsWith("req_");
    }

    @Test
    void upstreamErrorsPassThroughAndAreTraced(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant tenant = platform.newTenant();

        HttpResponse<String> response = new Proxy(gateway).chat(tenant.key(), Proxy.userMessage("sim-error-500", "x"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(Platform.json(response.body()).getJsonObject("error").getString("message"))
                .isEqualTo("Simulated upstream failure");
        JsonObject trace = platform.awaitTrace(tenant.tenantId(), t -> t.getInt("status") == 500);
        assertThat(trace.getString("errorCode")).isEqualTo("upstream_error");
    }

    @Test
    void badBodiesAreRefusedBeforeAnythingIsForwarded(Gateway gateway) throws Exception {
        Platform.TestTenant tenant = new Platform(gateway).newTenant();
        Proxy proxy = new Proxy(gateway);
        int before = gateway.upstream.received().size();

        HttpResponse<String> notJson = proxy.chat(tenant.key(), "{\"model\": ");
        HttpResponse<String> noModel = proxy.chat(tenant.key(), "{\"messages\":[]}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(Platform.json(notJson.body()).getJsonObject("error").getString("code"))
                .isEqualTo("invalid_request");
        assertThat(noModel.statusCode()).isEqualTo(400);
        assertThat(Platform.json(noModel.body()).getJsonObject("error").getString("param"))
                .isEqualTo("model");
        assertThat(gateway.upstream.received()).hasSize(before);
    }
}
