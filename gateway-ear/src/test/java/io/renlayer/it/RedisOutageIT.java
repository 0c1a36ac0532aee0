package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Redis goes away: each tenant gets the behaviour it chose, and everything recovers by itself. */
@ExtendWith(GatewayExtension.class)
class RedisOutageIT {

    @Test
    void failOpenTenantsAreServedOnLocalCountersFailClosedOnesAreRefusedThenAllRecovers(Gateway gateway)
            throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant open = platform.newTenant();
        Platform.TestTenant closed = tenantFailingClosed(platform);
        LimitsIT.limitKey(platform, open, "{\"limits\":{\"requestsPerMinute\":1000}}");
        LimitsIT.limitKey(platform, closed, "{\"limits\":{\"requestsPerMinute\":1000}}");
        Proxy proxy = new Proxy(gateway);
        proxy.awaitStatus(open.key(), 200);
        proxy.awaitStatus(closed.key(), 200);

        gateway.redisLink.cut();
        try {
            JsonObject unready = awaitReadyz(platform, 503);
            assertThat(unready.getJsonObject("checks").getJsonObject("redis").getString("status"))
                    .isEqualTo("down");

            HttpResponse<String> served = proxy.chat(open.key(), Proxy.userMessage("gpt-4o", "during outage"));
            HttpResponse<String> refused = proxy.chat(closed.key(), Proxy.userMessage("gpt-4o", "during outage"));

            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(flags(platform, open.tenantId(), served)).containsExactly("limits_local");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(Platform.json(refused.body()).getJsonObject("error").getString("code"))
                    .isEqualTo("limits_unavailable");
        } finally {
            gateway.redisLink.restore();
        }

        awaitReadyz(platform, 200);
        HttpResponse<String> closedAgain = proxy.awaitStatus(closed.key(), 200);
        HttpResponse<String> openAgain = proxy.awaitStatus(open.key(), 200);
        assertThat(closedAgain.statusCode()).isEqualTo(200);
        // Back on the shared counters: no longer flagged (the one-second back-off may take a call or two).
        boolean sharedAgain = false;
        for (int i = 0; i < 30 && !sharedAgain; i++) {
            HttpResponse<String> call =
                    i == 0 ? openAgain : proxy.chat(open.key(), Proxy.userMessage("gpt-4o", "after"));
            sharedAgain = flags(platform, open.tenantId(), call).isEmpty();
            Thread.sleep(100);
        }
        assertThat(sharedAgain).isTrue();
    }

    private static Platform.TestTenant tenantFailingClosed(Platform platform) throws Exception {
        String tenant = Platform.json(
                        platform.post("/api/v1/tenants", "{\"name\":\"strict\",\"redisFailMode\":\"closed\"}")
                                .body())
                .getString("id");
        String agent = Platform.json(platform.post("/api/v1/tenants/" + tenant + "/agents", "{\"name\":\"a\"}")
                        .body())
                .getString("id");
        platform.post("/api/v1/tenants/" + tenant + "/upstreams", """
                {"name":"sim","provider":"openai","baseUrl":"%s","credential":"%s"}""".formatted(
                        platform.upstreamBaseUrl(), Gateway.UPSTREAM_CREDENTIAL));
        JsonObject key = Platform.json(
                platform.post("/api/v1/tenants/" + tenant + "/keys", "{\"agentId\":\"" + agent + "\",\"name\":\"k\"}")
                        .body());
        return new Platform.TestTenant(tenant, agent, key.getString("id"), key.getString("key"));
    }

    private static List<String> flags(Platform platform, String tenantId, HttpResponse<String> response)
            throws Exception {
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        JsonObject trace = platform.awaitTrace(tenantId, t -> requestId.equals(t.getString("requestId")));
        return trace.getJsonArray("flags").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static JsonObject awaitReadyz(Platform platform, int status) throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 150; i++) {
            last = platform.send(HttpRequest.newBuilder(URI.create(platform.controlUrl() + "/readyz"))
                    .timeout(Duration.ofSeconds(10)));
            if (last.statusCode() == status) {
                return Platform.json(last.body());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("/readyz never answered " + status + "; last: " + last.body());
    }
}
