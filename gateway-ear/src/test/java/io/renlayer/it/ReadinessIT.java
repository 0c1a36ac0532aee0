package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(GatewayExtension.class)
class ReadinessIT {

    @Test
    void readinessFollowsThePostgresLinkAndRecovers(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        JsonObject ready = readyz(platform, 200);
        assertThat(ready.getJsonObject("checks").getJsonObject("postgres").getString("status"))
                .isEqualTo("up");
        assertThat(ready.getJsonObject("checks").getJsonObject("redis").getString("status"))
                .isEqualTo("up");

        gateway.databaseLink.cut();
        try {
            JsonObject unready = awaitReadyz(platform, 503);
            assertThat(unready.getBoolean("ready")).isFalse();
            assertThat(unready.getJsonObject("checks").getJsonObject("postgres").getString("status"))
                    .isEqualTo("down");
            assertThat(unready.getJsonObject("checks").getJsonObject("redis").getString("status"))
                    .isEqualTo("up");
        } finally {
            gateway.databaseLink.restore();
        }

        gateway.awaitReady(Duration.ofSeconds(30));
        // Back to work: a call is served and its trace stored.
        Platform.TestTenant tenant = platform.newTenant();
        assertThat(new Proxy(gateway)
                        .chat(tenant.key(), Proxy.userMessage("gpt-4o", "after outage"))
                        .statusCode())
                .isEqualTo(200);
        platform.awaitTrace(tenant.tenantId(), t -> t.getInt("status") == 200);
    }

    private static JsonObject awaitReadyz(Platform platform, int status) throws Exception {
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> response = platform.send(readyzRequest(platform));
            if (response.statusCode() == status) {
                return Platform.json(response.body());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("/readyz never answered " + status);
    }

    private static JsonObject readyz(Platform platform, int status) throws Exception {
        HttpResponse<String> response = platform.send(readyzRequest(platform));
        assertThat(response.statusCode()).isEqualTo(status);
        return Platform.json(response.body());
    }

    private static HttpRequest.Builder readyzRequest(Platform platform) {
        return HttpRequest.newBuilder(URI.create(platform.controlUrl() + "/readyz"));
    }
}
