package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(GatewayExtension.class)
class TenantIsolationIT {

    @Test
    void aTenantSeesOnlyItsOwnTracesAndAgents(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant a = platform.newTenant();
        Platform.TestTenant b = platform.newTenant();

        assertThat(new Proxy(gateway)
                        .chat(a.key(), Proxy.userMessage("gpt-4o", "tenant a only"))
                        .statusCode())
                .isEqualTo(200);
        platform.awaitTrace(a.tenantId(), t -> true);

        assertThat(platform.traces(b.tenantId())).isEmpty();
        // B cannot issue a key for A's agent: to B, that agent does not exist.
        HttpResponse<String> crossKey = platform.post(
                "/api/v1/tenants/" + b.tenantId() + "/keys",
                "{\"agentId\":\"" + a.agentId() + "\",\"name\":\"stolen\"}");
        assertThat(crossKey.statusCode()).isEqualTo(404);
        assertThat(Platform.json(crossKey.body()).getString("resource")).isEqualTo("agent");
    }

    @Test
    void aKeyOnlyReachesItsOwnTenantsUpstreams(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant withUpstream = platform.newTenant();
        String bare = Platform.json(
                        platform.post("/api/v1/tenants", "{\"name\":\"bare\"}").body())
                .getString("id");
        String agent = Platform.json(platform.post("/api/v1/tenants/" + bare + "/agents", "{\"name\":\"a\"}")
                        .body())
                .getString("id");
        String key = Platform.json(platform.post(
                                "/api/v1/tenants/" + bare + "/keys", "{\"agentId\":\"" + agent + "\",\"name\":\"k\"}")
                        .body())
                .getString("key");

        HttpResponse<String> response = new Proxy(gateway).chat(key, Proxy.userMessage("gpt-4o", "hi"));

        assertThat(withUpstream.tenantId()).isNotEqualTo(bare);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Platform.json(response.body()).getJsonObject("error").getString("code"))
                .isEqualTo("model_not_found");
    }
}
