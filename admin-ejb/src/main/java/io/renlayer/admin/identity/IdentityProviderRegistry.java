package io.renlayer.admin.identity;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.audit.AuditLog;
import io.renlayer.admin.tenants.TenantService;
import io.renlayer.admin.upstreams.BaseUrl;
import io.renlayer.core.crypto.MasterKeyProvider;
import io.renlayer.core.errors.ConflictException;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.errors.NotFoundException;
import io.renlayer.core.errors.Storage;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A tenant's OpenID Connect providers. The issuer is matched exactly against the tokens' {@code iss}
 * (so it is kept as written); the audience is what the tokens must name in {@code aud} to be
 * accepted here; the client secret is encrypted with the master key and never returned.
 */
@Stateless
public class IdentityProviderRegistry {

    static final String DEFAULT_AUDIENCE = "renlayer";
    private static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_:-]{1,64}(\\.[A-Za-z0-9_:-]{1,64}){0,3}");

    private static final String SELECT = """
            SELECT id, tenant_id, name, issuer, audience, client_id, client_secret_enc IS NOT NULL, groups_claim,
                   role_mappings, enabled, created_at, updated_at
              FROM renlayer.identity_providers WHERE tenant_id = ?""";

    @Resource(lookup = "jdbc/renlayer")
    private DataSource dataSource;

    @EJB
    private TenantService tenants;

    @EJB
    private AuditLog audit;

    @Inject
    private MasterKeyProvider masterKey;

    public List<IdentityProviderView> list(UUID tenantId) {
        return Storage.call(() -> {
            tenants.require(tenantId);
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY created_at")) {
                ps.setObject(1, tenantId);
                return read(ps);
            }
        });
    }

    public IdentityProviderView require(UUID tenantId, UUID id) {
        return Storage.call(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(SELECT + " AND id = ?")) {
                ps.setObject(1, tenantId);
                ps.setObject(2, id);
                return read(ps).stream().findFirst().orElseThrow(() -> new NotFoundException("identity provider"));
            }
        });
    }

    /** The tenant's provider of this issuer, enabled or not: what its tokens are checked against. */
    public Optional<IdentityProviderView> ofIssuer(UUID tenantId, String issuer) {
        return Storage.call(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(SELECT + " AND issuer = ?")) {
                ps.setObject(1, tenantId);
                ps.setString(2, issuer);
                return read(ps).stream().findFirst();
            }
        });
    }

    /**
     * The provider the tenant's people sign in to the console with: the first enabled one that has
     * a client, with its secret decrypted. Empty when the tenant has none, or does not exist.
     */
    public Optional<SignInClient> signInClient(UUID tenantId) {
        return Storage.call(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("""
                            SELECT id, issuer, client_id, client_secret_enc, groups_claim, role_mappings
                              FROM renlayer.identity_providers
                             WHERE tenant_id = ? AND enabled AND client_id IS NOT NULL
                             ORDER BY created_at LIMIT 1""")) {
                ps.setObject(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    byte[] secret = rs.getBytes(4);
                    return Optional.of(new SignInClient(
                            rs.getObject(1, UUID.class),
                            tenantId,
                            rs.getString(2),
                            rs.getString(3),
                            secret == null ? null : masterKey.cipher().decrypt(secret),
                            rs.getString(5),
                            RoleMapping.read(rs.getString(6))));
                }
            }
        });
    }

    public IdentityProviderView register(UUID tenantId, IdentityProviderDraft draft, Actor actor) {
        actor.requireMayManageUsers(tenantId);
        return Storage.call(() -> {
            tenants.require(tenantId);
            UUID id = UUID.randomUUID();
            String issuer = issuer(draft.issuer());
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO renlayer.identity_providers (id, tenant_id, name, issuer, audience, client_id,
                        client_secret_enc, groups_claim, role_mappings, enabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setObject(1, id);
                ps.setObject(2, tenantId);
                ps.setString(3, InvalidRequestException.requireText("name", draft.name(), 200));
                ps.setString(4, issuer);
                ps.setString(5, draft.audience() == null ? DEFAULT_AUDIENCE : audience(draft.audience()));
                ps.setString(6, draft.clientId() == null ? null : clientId(draft.clientId()));
                ps.setBytes(7, draft.clientSecret() == null ? null : encrypt(draft.clientSecret()));
                ps.setString(8, draft.groupsClaim() == null ? "groups" : claim(draft.groupsClaim()));
                ps.setString(9, RoleMapping.store(RoleMapping.checked(draft.roleMappings())));
                ps.setBoolean(10, draft.enabled() == null || draft.enabled());
                ps.executeUpdate();
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw new ConflictException("this tenant already has a provider for that issuer");
                }
                throw e;
            }
            IdentityProviderView view = require(tenantId, id);
            audit.record(tenantId, actor.name(), "identity_provider.register", "identity_provider", id, null, view);
            return view;
        });
    }

    /** Changes what the draft carries; an empty client secret removes it. */
    public IdentityProviderView update(UUID tenantId, UUID id, IdentityProviderDraft draft, Actor actor) {
        actor.requireMayManageUsers(tenantId);
        return Storage.call(() -> {
            IdentityProviderView before = require(tenantId, id);
            if (draft.issuer() != null && !draft.issuer().equals(before.issuer())) {
                throw new InvalidRequestException(
                        "issuer", "the issuer of a provider cannot change: keys and users are bound to it");
            }
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("""
                    UPDATE renlayer.identity_providers
                       SET name = ?, audience = ?, client_id = ?, groups_claim = ?, role_mappings = ?, enabled = ?,
                           client_secret_enc = CASE WHEN ? THEN ? ELSE client_secret_enc END, updated_at = now()
                     WHERE tenant_id = ? AND id = ?""")) {
                ps.setString(
                        1,
                        draft.name() == null
                                ? before.name()
                                : InvalidRequestException.requireText("name", draft.name(), 200));
                ps.setString(2, draft.audience() == null ? before.audience() : audience(draft.audience()));
                ps.setString(
                        3,
                        draft.clientId() == null
                                ? before.clientId()
                                : draft.clientId().isEmpty() ? null : clientId(draft.clientId()));
                ps.setString(4, draft.groupsClaim() == null ? before.groupsClaim() : claim(draft.groupsClaim()));
                ps.setString(
                        5,
                        RoleMapping.store(
                                draft.roleMappings() == null
                                        ? before.roleMappings()
                                        : RoleMapping.checked(draft.roleMappings())));
                ps.setBoolean(6, draft.enabled() == null ? before.enabled() : draft.enabled());
                ps.setBoolean(7, draft.clientSecret() != null);
                ps.setBytes(
                        8,
                        draft.clientSecret() == null || draft.clientSecret().isEmpty()
                                ? null
                                : encrypt(draft.clientSecret()));
                ps.setObject(9, tenantId);
                ps.setObject(10, id);
                ps.executeUpdate();
            }
            IdentityProviderView after = require(tenantId, id);
            audit.record(tenantId, actor.name(), "identity_provider.update", "identity_provider", id, before, after);
            return after;
        });
    }

    public void delete(UUID tenantId, UUID id, Actor actor) {
        actor.requireMayManageUsers(tenantId);
        Storage.run(() -> {
            IdentityProviderView before = require(tenantId, id);
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "DELETE FROM renlayer.identity_providers WHERE tenant_id = ? AND id = ?")) {
                ps.setObject(1, tenantId);
                ps.setObject(2, id);
                ps.executeUpdate();
            } catch (SQLException e) {
                if ("23503".equals(e.getSQLState())) {
                    throw new ConflictException(
                            "keys are bound to this provider's clients; revoke and delete them first, or disable the provider");
                }
                throw e;
            }
            audit.record(tenantId, actor.name(), "identity_provider.delete", "identity_provider", id, before, null);
        });
    }

    private byte[] encrypt(String secret) {
        InvalidRequestException.requireText("clientSecret", secret, 2000);
        return masterKey.cipher().encrypt(secret);
    }

    /** The issuer's URL form is checked like an upstream's (http(s), no user-info or query); kept as written. */
    private static String issuer(String value) {
        String text = InvalidRequestException.requireText("issuer", value, 2000);
        try {
            BaseUrl.check(text);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException("issuer", e.getMessage().replace("baseUrl", "issuer"));
        }
        return text;
    }

    private static String audience(String value) {
        return InvalidRequestException.requireText("audience", value, 500);
    }

    private static String clientId(String value) {
        return InvalidRequestException.requireText("clientId", value, 500);
    }

    private static String claim(String value) {
        if (value == null || !CLAIM.matcher(value).matches()) {
            throw new InvalidRequestException(
                    "groupsClaim", "groupsClaim is a claim name, or a dotted path such as realm_access.roles");
        }
        return value;
    }

    private static List<IdentityProviderView> read(PreparedStatement ps) throws SQLException {
        List<IdentityProviderView> views = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                views.add(new IdentityProviderView(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7),
                        rs.getString(8),
                        RoleMapping.read(rs.getString(9)),
                        rs.getBoolean(10),
                        instant(rs.getTimestamp(11)),
                        instant(rs.getTimestamp(12))));
            }
        }
        return views;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
