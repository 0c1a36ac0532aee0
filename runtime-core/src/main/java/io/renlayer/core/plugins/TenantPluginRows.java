package io.renlayer.core.plugins;

import io.renlayer.core.crypto.CredentialCipher;
import io.renlayer.core.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The table {@code tenant_plugins}, read by the gateway's caches and written by the management
 * service. Plain settings are a JSON object of strings; secret ones are the same, encrypted whole.
 */
public final class TenantPluginRows {

    private TenantPluginRows() {}

    public static TenantPlugins ofTenant(Connection c, UUID tenantId, CredentialCipher cipher) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT kind, plugin_id, enabled, settings, secrets_enc FROM renlayer.tenant_plugins WHERE tenant_id = ?")) {
            ps.setObject(1, tenantId);
            List<TenantPluginConfig> configs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PluginKind kind;
                    try {
                        kind = PluginKind.valueOf(rs.getString(1));
                    } catch (IllegalArgumentException newerKind) {
                        continue; // written by a newer gateway: not ours to run
                    }
                    byte[] secrets = rs.getBytes(5);
                    configs.add(new TenantPluginConfig(
                            kind,
                            rs.getString(2),
                            rs.getBoolean(3),
                            parse(rs.getString(4)),
                            secrets == null ? Map.of() : parse(cipher.decrypt(secrets))));
                }
            }
            return configs.isEmpty() ? TenantPlugins.NONE : new TenantPlugins(configs);
        }
    }

    public static void upsert(Connection c, UUID tenantId, TenantPluginConfig config, CredentialCipher cipher)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO renlayer.tenant_plugins (tenant_id, kind, plugin_id, enabled, settings, secrets_enc, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (tenant_id, kind, plugin_id) DO UPDATE
                   SET enabled = EXCLUDED.enabled, settings = EXCLUDED.settings,
                       secrets_enc = EXCLUDED.secrets_enc, updated_at = now()""")) {
            ps.setObject(1, tenantId);
            ps.setString(2, config.kind().name());
            ps.setString(3, config.pluginId());
            ps.setBoolean(4, config.enabled());
            ps.setString(5, json(config.settings()));
            ps.setBytes(6, config.secrets().isEmpty() ? null : cipher.encrypt(json(config.secrets())));
            ps.executeUpdate();
        }
    }

    /** @return whether there was a configuration to remove */
    public static boolean delete(Connection c, UUID tenantId, PluginKind kind, String pluginId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM renlayer.tenant_plugins WHERE tenant_id = ? AND kind = ? AND plugin_id = ?")) {
            ps.setObject(1, tenantId);
            ps.setString(2, kind.name());
            ps.setString(3, pluginId);
            return ps.executeUpdate() > 0;
        }
    }

    private static String json(Map<String, String> values) {
        JsonObjectBuilder object = Jsonp.createObjectBuilder();
        values.forEach(object::add);
        return object.build().toString();
    }

    private static Map<String, String> parse(String json) {
        JsonObject object = Jsonp.createReader(new StringReader(json)).readObject();
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            if (e.getValue() instanceof JsonString s) {
                values.put(e.getKey(), s.getString());
            }
        }
        return values;
    }
}
