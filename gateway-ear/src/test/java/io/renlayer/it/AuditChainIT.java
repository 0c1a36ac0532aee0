package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit log: who changed what, before and after, from where; chained so that tampering shows. */
@ExtendWith(GatewayExtension.class)
class AuditChainIT {

    @Test
    void changesAreRecordedWithBeforeAfterAndOrigin(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        SignIn signIn = new SignIn(gateway);
        Platform.TestTenant tenant = platform.newTenant();
        String admin = signIn.newUser(platform, tenant.tenantId(), "admin");
        signIn.call(
                "PATCH",
                "/api/v1/tenants/" + tenant.tenantId() + "/agents/" + tenant.agentId(),
                admin,
                "{\"allowedTools\":[\"echo\"]}");

        JsonObject entry = Platform.json(signIn.call(
                                "GET",
                                "/api/v1/tenants/" + tenant.tenantId() + "/audit?action=agent.update&limit=1",
                                admin,
                                null)
                        .body())
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(entry.getString("actor")).startsWith("user:");
        assertThat(entry.getString("sourceIp")).isEqualTo("127.0.0.1");
        assertThat(Platform.json(entry.getString("before"))
                        .getJsonArray("allowedTools")
                        .getString(0))
                .isEqualTo("*");
        assertThat(Platform.json(entry.getString("after"))
                        .getJsonArray("allowedTools")
                        .getString(0))
                .isEqualTo("echo");

        JsonObject verified =
                Platform.json(signIn.call("GET", "/api/v1/tenants/" + tenant.tenantId() + "/audit/verify", admin, null)
                        .body());
        assertThat(verified.getBoolean("valid")).isTrue();
        assertThat(verified.getInt("entries"))
                .isGreaterThanOrEqualTo(6); // tenant, agent, upstream, key, user, sign-in, update
        assertThat(platform.get("/api/v1/audit/verify").body()).contains("\"valid\":true");
    }

    @Test
    void theLogIsAppendOnlyAndAnEditedRowBreaksTheChain(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant tenant = platform.newTenant();
        String path = "/api/v1/tenants/" + tenant.tenantId() + "/audit";
        assertThat(Platform.json(platform.get(path + "/verify").body()).getBoolean("valid"))
                .isTrue();

        try (Connection db = Gateway.database();
                Statement sql = db.createStatement()) {
            assertThatThrownBy(() ->
                            sql.executeUpdate("UPDATE renlayer.audit_log SET actor = 'someone-else' WHERE tenant_id = '"
                                    + tenant.tenantId() + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            // Someone with superuser rights bypasses the trigger and edits the second entry.
            sql.execute("SET session_replication_role = replica");
            sql.executeUpdate("UPDATE renlayer.audit_log SET actor = 'someone-else' WHERE tenant_id = '"
                    + tenant.tenantId() + "' AND seq = 2");
            sql.execute("SET session_replication_role = DEFAULT");
        }

        JsonObject verified = Platform.json(platform.get(path + "/verify").body());
        assertThat(verified.getBoolean("valid")).isFalse();
        assertThat(verified.getInt("firstInvalidSeq")).isEqualTo(2);
        assertThat(verified.getString("problem")).contains("does not match its hash");
    }
}
