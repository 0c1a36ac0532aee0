package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keys are refused with the right status and code. State changes are made in the database
 * directly, after the key is cached, so passing also proves that every change reaches the proxy's
 * cache through LISTEN/NOTIFY, whoever made it.
 */
@ExtendWith(GatewayExtension.class)
class VirtualKeyIT {

    @Test
    void missingMalformedAndUnknownKeysAreUnauthorized(Gateway gateway) throws Exception {
        Platform.TestTenant tenant = new Platform(gateway).newTenant();
        Proxy proxy = new Proxy(gateway);
        String body = Proxy.userMessage("gpt-4o", "hi");
        String wrongSecret = tenant.key().substring(0, tenant.key().length() - 4) + "zzzz";

        assertRefused(proxy.chat(null, body), 401, "missing_api_key");
        assertRefused(proxy.chat("sk-not-a-virtual-key", body), 401, "invalid_api_key");
        assertRefused(proxy.chat("rk_live_AAAAAAAAAAAA_" + "B".repeat(40), body), 401, "invalid_api_key");
        assertRefused(proxy.chat(wrongSecret, body), 401, "invalid_api_key");
    }

    @Test
    void disabledKeyIsForbidden(Gateway gateway) throws Exception {
        Platform.TestTenant tenant = cachedKey(gateway);
        update("UPDATE renlayer.api_keys SET disabled = true WHERE id = ?::uuid", tenant.keyId());
        assertRefused(new Proxy(gateway).awaitStatus(tenant.key(), 403), 403, "key_disabled");
    }

    @Test
    void revokedKeyIsUnauthorized(Gateway gateway) throws Exception {
        Platform.TestTenant tenant = cachedKey(gateway);
        update("UPDATE renlayer.api_keys SET revoked_at = now() WHERE id = ?::uuid", tenant.keyId());
        assertRefused(new Proxy(gateway).awaitStatus(tenant.key(), 401), 401, "key_revoked");
    }

    @Test
    void expiredKeyIsUnauthorized(Gateway gateway) throws Exception {
        Platform.TestTenant tenant = cachedKey(gateway);
        update(
                "UPDATE renlayer.api_keys SET expires_at = now() - interval '1 second' WHERE id = ?::uuid",
                tenant.keyId());
        assertRefused(new Proxy(gateway).awaitStatus(tenant.key(), 401), 401, "key_expired");
    }

    @Test
    void refusalsAreTracedWithoutTheKey(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant tenant = cachedKey(gateway);
        update("UPDATE renlayer.api_keys SET disabled = true WHERE id = ?::uuid", tenant.keyId());
        new Proxy(gateway).awaitStatus(tenant.key(), 403);

        JsonObject trace = platform.awaitTrace(tenant.tenantId(), t -> t.getInt("status") == 403);
        assertThat(trace.getString("errorCode")).isEqualTo("key_disabled");
        assertThat(trace.toString()).doesNotContain(tenant.key());
    }

    @Test
    void theRawKeyIsStoredNowhere(Gateway gateway) throws Exception {
        Platform.TestTenant tenant = new Platform(gateway).newTenant();
        String secret = tenant.key().substring(tenant.key().lastIndexOf('_') + 1);
        try (Connection db = Gateway.database();
                PreparedStatement st =
                        db.prepareStatement("SELECT count(*) FROM renlayer.api_keys k WHERE k::text LIKE ?")) {
            st.setString(1, "%" + secret + "%");
            var rs = st.executeQuery();
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    /** A new tenant whose key has been used once, so the proxy holds it in its cache. */
    private static Platform.TestTenant cachedKey(Gateway gateway) throws Exception {
        Platform.TestTenant tenant = new Platform(gateway).newTenant();
        assertThat(new Proxy(gateway)
                        .chat(tenant.key(), Proxy.userMessage("gpt-4o", "warm"))
                        .statusCode())
                .isEqualTo(200);
        return tenant;
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonObject error = Platform.json(response.body()).getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo(code);
        assertThat(error.getString("message")).isNotBlank();
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
    }

    private static void update(String sql, String id) throws Exception {
        try (Connection db = Gateway.database();
                PreparedStatement st = db.prepareStatement(sql)) {
            st.setString(1, id);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }
}
