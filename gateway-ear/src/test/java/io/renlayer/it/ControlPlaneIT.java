package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(GatewayExtension.class)
class ControlPlaneIT {

    @Test
    void theApiRequiresTheOperatorToken(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        HttpRequest.Builder anonymous = HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/api/v1/tenants"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"intruder\"}"));
        HttpRequest.Builder wrongToken = HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/api/v1/tenants"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer rop_wrong")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"intruder\"}"));

        for (HttpResponse<String> response : new HttpResponse[] {platform.send(anonymous), platform.send(wrongToken)}) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
            assertThat(Platform.json(response.body()).getInt("status")).isEqualTo(401);
        }
    }

    @Test
    void badInputGetsProblemJsonNotAStackTrace(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);

        HttpResponse<String> malformed = platform.post("/api/v1/tenants", "{\"name\":");
        HttpResponse<String> blank = platform.post("/api/v1/tenants", "{\"name\":\"  \"}");
        HttpResponse<String> unknownTenant =
                platform.post("/api/v1/tenants/00000000-0000-0000-0000-000000000000/agents", "{\"name\":\"a\"}");
        HttpResponse<String> badProvider = platform.post(
                "/api/v1/tenants/" + platform.newTenant().tenantId() + "/upstreams",
                "{\"name\":\"u\",\"provider\":\"nope\",\"baseUrl\":\"http://x\",\"credential\":\"c\"}");

        assertProblem(malformed, 400);
        assertThat(Platform.json(blank.body()).getString("field")).isEqualTo("name");
        assertProblem(blank, 400);
        assertProblem(unknownTenant, 404);
        assertProblem(badProvider, 400);
        for (HttpResponse<String> r : new HttpResponse[] {malformed, blank, unknownTenant, badProvider}) {
            assertThat((String) r.body()).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void duplicateAgentNamesConflict(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        String tenantId = platform.newTenant().tenantId();
        assertThat(platform.post("/api/v1/tenants/" + tenantId + "/agents", "{\"name\":\"twin\"}")
                        .statusCode())
                .isEqualTo(201);
        assertProblem(platform.post("/api/v1/tenants/" + tenantId + "/agents", "{\"name\":\"twin\"}"), 409);
    }

    @Test
    void theUpstreamCredentialIsNeverReturned(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        String tenantId = platform.newTenant().tenantId();
        HttpResponse<String> created = platform.post(
                "/api/v1/tenants/" + tenantId + "/upstreams",
                "{\"name\":\"other\",\"provider\":\"openai\",\"baseUrl\":\"https://api.example.com/v1\","
                        + "\"credential\":\"sk-very-secret-upstream\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("sk-very-secret-upstream");
        assertThat(Platform.json(created.body()).getBoolean("credentialSet")).isTrue();
    }

    @Test
    void eachListenerServesOnlyItsOwnPaths(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        HttpResponse<String> apiOnProxyPort =
                platform.send(HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/api/v1/tenants"))
                        .header("Authorization", "Bearer " + gateway.operatorToken));
        HttpResponse<String> metricsOnProxyPort =
                platform.send(HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/metrics")));
        HttpResponse<String> proxyOnControlPort =
                platform.send(HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/v1/chat/completions"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(apiOnProxyPort.statusCode()).isEqualTo(404);
        assertThat(Platform.json(apiOnProxyPort.body()).getJsonObject("error").getString("code"))
                .isEqualTo("unknown_route");
        assertThat(metricsOnProxyPort.statusCode()).isEqualTo(404);
        assertThat(proxyOnControlPort.statusCode()).isEqualTo(404);
    }

    @Test
    void metricsAndHealthAreServedOnTheControlListener(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant tenant = platform.newTenant();
        new Proxy(gateway).chat(tenant.key(), Proxy.userMessage("gpt-4o", "count me"));

        HttpResponse<String> metrics =
                platform.send(HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/metrics")));
        HttpResponse<String> health =
                platform.send(HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/healthz")));

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("renlayer_proxy_requests_total\\{[^}]*status=\"200\"[^}]*\\} [1-9]")
                .contains("renlayer_proxy_request_duration_seconds_count")
                .contains("renlayer_trace_rows_written");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Platform.json(health.body()).getString("status")).isEqualTo("ok");
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        JsonObject problem = Platform.json(response.body());
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
    }
}
