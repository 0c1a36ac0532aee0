package io.renlayer.core.runtime;

import io.renlayer.core.crypto.MasterKeyProvider;
import io.renlayer.core.dlp.TenantDlp;
import io.renlayer.core.keys.KeyScopes;
import io.renlayer.core.limits.Limits;
import io.renlayer.core.plugins.TenantPluginRows;
import io.renlayer.core.plugins.TenantPlugins;
import io.renlayer.core.policies.PolicyDefinition;
import io.renlayer.core.policies.PolicyRows;
import io.renlayer.core.upstreams.UpstreamSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Read side for the proxy's caches: plain JDBC, no transaction, only on a cache miss. The proxy
 * never writes here; traces go through {@link TraceStore}.
 */
@ApplicationScoped
public class RuntimeDirectory {

    private static final String KEY = """
            SELECT k.id, k.tenant_id, k.agent_id, a.project_id, k.prefix, k.secret_hash, k.disabled,
                   k.revoked_at, k.expires_at, t.plugin_fail_mode = 'deny',
                   k.previous_secret_hash, k.previous_valid_until,
                   k.allowed_routes, k.allowed_models, k.allowed_providers, k.allowed_methods, k.streaming,
                   t.requests_per_minute, t.tokens_per_minute, t.daily_budget_usd, t.monthly_budget_usd,
                   a.requests_per_minute, a.tokens_per_minute, a.daily_budget_usd, a.monthly_budget_usd,
                   k.requests_per_minute, k.tokens_per_minute, k.daily_budget_usd, k.monthly_budget_usd,
                   t.redis_fail_mode = 'open', a.allowed_tools,
                   k.oauth_issuer, k.oauth_client_id, ip.audience, ip.enabled
              FROM renlayer.api_keys k
              JOIN renlayer.agents a ON a.id = k.agent_id
              JOIN renlayer.tenants t ON t.id = k.tenant_id
              LEFT JOIN renlayer.identity_providers ip ON ip.id = k.identity_provider_id
            """;

    private static final String KEY_BY_PREFIX = KEY + " WHERE k.prefix = ?";

    /** The live key of the client, else its latest revoked one (so that the refusal says revoked). */
    private static final String KEY_BY_OAUTH_CLIENT = KEY
            + " WHERE k.oauth_issuer = ? AND k.oauth_client_id = ?"
            + " ORDER BY k.revoked_at IS NULL DESC, k.revoked_at DESC LIMIT 1";

    private static final String UPSTREAMS_OF_TENANT = """
            SELECT id, tenant_id, name, provider, base_url, credential_enc, models,
                   connect_timeout_ms, read_timeout_ms, fallback_upstream_id, settings
              FROM renlayer.upstreams
             WHERE tenant_id = ? AND enabled
             ORDER BY created_at""";

    @Resource(lookup = "jdbc/renlayerDirect")
    private DataSource dataSource;

    @Inject
    private MasterKeyProvider masterKey;

    public Optional<KeySnapshot> findKey(String prefix) {
        return findKey(KEY_BY_PREFIX, prefix);
    }

    /** The key bound to an OAuth client of an identity provider, by the issuer and client id its tokens name. */
    public Optional<KeySnapshot> findKeyOfClient(OAuthClientId client) {
        return findKey(KEY_BY_OAUTH_CLIENT, client.issuer(), client.clientId());
    }

    private Optional<KeySnapshot> findKey(String sql, String... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new KeySnapshot(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        new KeySnapshot.Secrets(rs.getBytes(6), rs.getBytes(11), instant(rs.getTimestamp(12))),
                        rs.getBoolean(7),
                        instant(rs.getTimestamp(8)),
                        instant(rs.getTimestamp(9)),
                        new KeyScopes(
                                patterns(rs.getString(13)),
                                patterns(rs.getString(14)),
                                patterns(rs.getString(15)),
                                patterns(rs.getString(16)),
                                rs.getBoolean(17)),
                        new KeySnapshot.LimitSet(limits(rs, 18), limits(rs, 22), limits(rs, 26)),
                        new KeySnapshot.TenantSettings(rs.getBoolean(10), rs.getBoolean(30)),
                        rs.getString(31).isEmpty() ? List.of() : patterns(rs.getString(31)),
                        rs.getString(33) == null
                                ? null
                                : new KeySnapshot.OAuthClient(
                                        rs.getString(32), rs.getString(33), rs.getString(34), rs.getBoolean(35))));
            }
        } catch (SQLException e) {
            throw new DirectoryUnavailableException(e);
        }
    }

    public List<UpstreamSnapshot> upstreams(UUID tenantId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(UPSTREAMS_OF_TENANT)) {
            ps.setObject(1, tenantId);
            List<UpstreamSnapshot> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new UpstreamSnapshot(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            masterKey.cipher().decrypt(rs.getBytes(6)),
                            List.of(rs.getString(7).split(",")),
                            new UpstreamSnapshot.Resilience(rs.getInt(8), rs.getInt(9), rs.getObject(10, UUID.class)),
                            UpstreamSettings.parse(rs.getString(11))));
                }
            }
            return List.copyOf(result);
        } catch (SQLException e) {
            throw new DirectoryUnavailableException(e);
        }
    }

    public List<ServiceSnapshot> services(UUID tenantId) {
        String sql = "SELECT id, name, base_url, credential_enc, auth_header, auth_scheme, allowed_methods"
                + " FROM renlayer.services WHERE tenant_id = ? AND enabled";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, tenantId);
            List<ServiceSnapshot> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] credential = rs.getBytes(4);
                    result.add(new ServiceSnapshot(
                            rs.getObject(1, UUID.class),
                            tenantId,
                            rs.getString(2),
                            rs.getString(3),
                            credential == null ? null : masterKey.cipher().decrypt(credential),
                            rs.getString(5),
                            rs.getString(6),
                            List.of(rs.getString(7).split(","))));
                }
            }
            return List.copyOf(result);
        } catch (SQLException e) {
            throw new DirectoryUnavailableException(e);
        }
    }

    /** The tenant's enabled policies, for the gateway to compile. */
    public List<PolicyDefinition> policies(UUID tenantId) {
        try {
            return PolicyRows.ofTenant(dataSource, tenantId, true);
        } catch (SQLException e) {
            throw new DirectoryUnavailableException(e);
        }
    }

    /** The tenant's enabled DLP rules and switched-off built-in types, compiled. */
    public TenantDlp tenantDlp(UUID tenantId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement rules = c.prepareStatement(
                        "SELECT name, kind, pattern, keywords, case_sensitive, redaction FROM renlayer.dlp_rules"
                                + " WHERE tenant_id = ? AND enabled ORDER BY name");
                PreparedStatement tenant =
                        c.prepareStatement("SELECT dlp_disabled_types FROM renlayer.tenants WHERE id = ?")) {
            rules.setObject(1, tenantId);
            List<TenantDlp.RuleSpec> specs = new ArrayList<>();
            try (ResultSet rs = rules.executeQuery()) {
                while (rs.next()) {
                    specs.add(new TenantDlp.RuleSpec(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4) == null
                                    ? null
                                    : List.of(rs.getString(4).split("\n")),
                            rs.getBoolean(5),
                            rs.getString(6)));
                }
            }
            tenant.setObject(1, tenantId);
            String disabled = null;
            try (ResultSet rs = tenant.executeQuery()) {
                if (rs.next()) {
                    disabled = rs.getString(1);
                }
            }
            return TenantDlp.compile(specs, TenantDlp.parseTypes(disabled));
        } catch (SQLException e) {
            throw new DirectoryUnavailableException(e);
        }
    }

    /** What the tenant configured about its plugins, secrets decrypted. */
    public TenantPlugins tenantPlugins(UUID tenantId) {
        try (Connection c = dataSource.getConnection()) {
            return TenantPluginRows.ofTenant(c, tenantId, masterKey.cipher());
        } catch (SQLException e) {
            throw new DirectoryUnavailableException(e);
        }
    }

    /** Routes an operator has switched off. */
    public Set<String> disabledRoutes() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT route FROM renlayer.route_settings WHERE NOT enabled");
                ResultSet rs = ps.executeQuery()) {
            Set<String> routes = new HashSet<>();
            while (rs.next()) {
                routes.add(rs.getString(1));
            }
            return Set.copyOf(routes);
        } catch (SQLException e) {
            throw new DirectoryUnavailableException(e);
        }
    }

    private static Limits limits(ResultSet rs, int first) throws SQLException {
        return new Limits(
                (Integer) rs.getObject(first),
                (Long) rs.getObject(first + 1),
                rs.getBigDecimal(first + 2),
                rs.getBigDecimal(first + 3));
    }

    private static List<String> patterns(String column) {
        return List.of(column.split(","));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    /** The database could not be read; the proxy answers 503 rather than guessing. */
    public static final class DirectoryUnavailableException extends RuntimeException {
        public DirectoryUnavailableException(SQLException cause) {
            super("configuration database unavailable: " + cause.getMessage(), cause);
        }
    }
}
