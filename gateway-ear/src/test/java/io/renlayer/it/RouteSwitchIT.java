package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An operator switches a route off for every tenant; it is refused before any other check. */
@ExtendWith(GatewayExtension.class)
class RouteSwitchIT {

    private static final String EMBEDDINGS = "{\"model\":\"text-embedding-3-small\",\"input\":\"x\"}";

    @Test
    void aDisabledRouteIsRefusedBeforeAnyOtherCheckAndComesBackWhenEnabled(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        try {
            HttpResponse<String> off = platform.send(HttpRequest.newBuilder(
                            URI.create(gateway.controlUrl() + "/api/v1/routes"))
                    .header("Authorization", "Bearer " + gateway.operatorToken)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"route\":\"/v1/embeddings\",\"enabled\":false}")));
            assertThat(off.statusCode()).as(off.body()).isEqualTo(200);

            HttpResponse<String> refused = awaitStatus(gateway, t.key(), 403);
            assertThat(Platform.json(refused.body()).getJsonObject("error").getString("code"))
                    .isEqualTo("route_disabled");
            // Before authentication: even a key that does not exist gets the same answer.
            HttpResponse<String> anonymous = embeddings(gateway, "rk_live_AAAAAAAAAAAA_" + "E".repeat(40));
            assertThat(Platform.json(anonymous.body()).getJsonObject("error").getString("code"))
                    .isEqualTo("route_disabled");
            // Other routes are unaffected.
            assertThat(new Proxy(gateway)
                            .chat(t.key(), Proxy.userMessage("gpt-4o", "still on"))
                            .statusCode())
                    .isEqualTo(200);
            assertThat(platform.get("/api/v1/routes").body()).contains("\"enabled\":false", "/v1/embeddings");
        } finally {
            platform.send(HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/api/v1/routes"))
                    .header("Authorization", "Bearer " + gateway.operatorToken)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"route\":\"/v1/embeddings\",\"enabled\":true}")));
        }
        assertThat(awaitStatus(gateway, t.key(), 200).statusCode()).isEqualTo(200);
    }

    @Test
    void switchingRoutesNeedsAValidRequest(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        HttpRequest.Builder bad = HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/api/v1/routes"))
                .header("Authorization", "Bearer " + gateway.operatorToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"route\":\"embeddings\"}"));
        HttpResponse<String> response = platform.send(bad);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Platform.json(response.body()).getString("field")).isEqualTo("route");
    }

    private static HttpResponse<String> awaitStatus(Gateway gateway, String key, int status) throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 50; i++) {
            last = embeddings(gateway, key);
            if (last.statusCode() == status) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + status + ", last " + last.statusCode() + " " + last.body());
    }

    private static HttpResponse<String> embeddings(Gateway gateway, String key) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/v1/embeddings"))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(EMBEDDINGS))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
