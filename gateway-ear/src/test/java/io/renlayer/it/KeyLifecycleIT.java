package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Keys through the Platform API: each lifecycle state and scope admits or refuses as it should. */
@ExtendWith(GatewayExtension.class)
class KeyLifecycleIT {

    @Test
    void disableEnableAndRevokeAreHonouredAndAudited(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        Proxy proxy = new Proxy(gateway);
        String keyPath = "/api/v1/tenants/" + t.tenantId() + "/keys/" + t.keyId();

        assertThat(proxy.chat(t.key(), Proxy.userMessage("gpt-4o", "on")).statusCode())
                .isEqualTo(200);
        assertThat(status(platform.post(keyPath + "/disable", ""))).isEqualTo("disabled");
        assertCode(proxy.awaitStatus(t.key(), 403), "key_disabled");
        assertThat(status(platform.post(keyPath + "/enable", ""))).isEqualTo("active");
        proxy.awaitStatus(t.key(), 200);
        assertThat(status(platform.post(keyPath + "/revoke", ""))).isEqualTo("revoked");
        assertCode(proxy.awaitStatus(t.key(), 401), "key_revoked");
        assertThat(platform.post(keyPath + "/enable", "").statusCode()).isEqualTo(409);

        assertThat(auditedActions(t.keyId())).containsExactly("key.create", "key.disable", "key.enable", "key.revoke");
    }

    @Test
    void aRotatedKeysOldSecretWorksThroughItsGracePeriodOnly(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        Proxy proxy = new Proxy(gateway);

        HttpResponse<String> rotated =
                platform.post("/api/v1/tenants/" + t.tenantId() + "/keys/" + t.keyId() + "/rotate?graceSeconds=3", "");
        assertThat(rotated.statusCode()).isEqualTo(200);
        String newKey = Platform.json(rotated.body()).getString("key");
        assertThat(newKey).isNotEqualTo(t.key()).startsWith(t.key().substring(0, 21)); // same prefix

        proxy.awaitStatus(newKey, 200);
        assertThat(proxy.chat(t.key(), Proxy.userMessage("gpt-4o", "still in grace"))
                        .statusCode())
                .isEqualTo(200);
        Thread.sleep(3_500);
        assertCode(proxy.chat(t.key(), Proxy.userMessage("gpt-4o", "too late")), 401, "invalid_api_key");
        assertThat(proxy.chat(newKey, Proxy.userMessage("gpt-4o", "new one")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void scopesSetByPatchRefuseWhatTheyExclude(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        Proxy proxy = new Proxy(gateway);
        String keyPath = "/api/v1/tenants/" + t.tenantId() + "/keys/" + t.keyId();

        HttpResponse<String> patched =
                platform.patch(keyPath, "{\"allowedModels\":[\"gpt-4o-mini*\"],\"streaming\":false}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(Platform.json(patched.body()).getJsonArray("allowedModels").getString(0))
                .isEqualTo("gpt-4o-mini*");

        JsonObject refused = error(proxy.awaitStatus(t.key(), 403));
        assertThat(refused.getString("code")).isEqualTo("model_not_allowed");
        assertThat(refused.getString("param")).isEqualTo("allowedModels");
        assertThat(refused.toString()).doesNotContain(t.key());
        assertThat(proxy.chat(t.key(), Proxy.userMessage("gpt-4o-mini", "fine")).statusCode())
                .isEqualTo(200);
        JsonObject streaming = error(proxy.chat(
                t.key(),
                "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"));
        assertThat(streaming.getString("code")).isEqualTo("streaming_not_allowed");

        assertThat(platform.patch(keyPath, "{\"allowedModels\":[]}").statusCode())
                .isEqualTo(400);
        assertThat(platform.patch(keyPath, "{\"limits\":{\"requestsPerMinute\":0}}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void keysAreListedWithoutSecretsAndOnlyWithinTheirTenant(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant a = platform.newTenant();
        Platform.TestTenant b = platform.newTenant();

        HttpResponse<String> list = platform.get("/api/v1/tenants/" + a.tenantId() + "/keys");
        HttpResponse<String> crossTenant = platform.get("/api/v1/tenants/" + b.tenantId() + "/keys/" + a.keyId());

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(Platform.json(list.body()).getJsonArray("items")).hasSize(1);
        assertThat(list.body()).doesNotContain(a.key().substring(21));
        assertThat(crossTenant.statusCode()).isEqualTo(404);
        assertThat(platform.post("/api/v1/tenants/" + b.tenantId() + "/keys/" + a.keyId() + "/revoke", "")
                        .statusCode())
                .isEqualTo(404);
    }

    private static String status(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return Platform.json(response.body()).getString("status");
    }

    private static JsonObject error(HttpResponse<String> response) {
        return Platform.json(response.body()).getJsonObject("error");
    }

    private static void assertCode(HttpResponse<String> response, String code) {
        assertThat(error(response).getString("code")).isEqualTo(code);
    }

    private static void assertCode(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertCode(response, code);
    }

    private static List<String> auditedActions(String keyId) throws Exception {
        List<String> actions = new ArrayList<>();
        try (var db = Gateway.database();
                var st = db.prepareStatement(
                        "SELECT action FROM renlayer.audit_log WHERE target_id = ? ORDER BY created_at")) {
            st.setString(1, keyId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
        }
        return actions;
    }
}
