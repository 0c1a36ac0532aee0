package io.renlayer.admin.policies;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.audit.AuditLog;
import io.renlayer.admin.plugins.TenantPluginService;
import io.renlayer.admin.tenants.TenantService;
import io.renlayer.core.errors.ConflictException;
import io.renlayer.core.errors.NotFoundException;
import io.renlayer.core.errors.Storage;
import io.renlayer.core.json.Jsonp;
import io.renlayer.core.plugins.PluginRegistry;
import io.renlayer.core.policies.PolicyActions;
import io.renlayer.core.policies.PolicyCompiler;
import io.renlayer.core.policies.PolicyDefinition;
import io.renlayer.core.policies.PolicyRows;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A tenant's policies: validated by compiling them, versioned, audited. Every change notifies
 * the gateways (trigger {@code policies_changed}), which recompile the tenant's set at once.
 */
@Stateless
public class PolicyService {

    @Resource(lookup = "jdbc/renlayer")
    private DataSource dataSource;

    @EJB
    private TenantService tenants;

    @EJB
    private AuditLog audit;

    @Inject
    private PluginRegistry plugins;

    @EJB
    private TenantPluginService tenantPlugins;

    private PolicyActions actionsOf(UUID tenantId) {
        return new PolicyActions(plugins.current(), tenantPlugins.configs(tenantId), plugins.budget());
    }

    public PolicyDefinition create(UUID tenantId, PolicyDraft draft, Actor actor) {
        actor.requireMayChange(tenantId);
        return Storage.call(() -> {
            tenants.require(tenantId);
            PolicyDefinition policy = definition(UUID.randomUUID(), tenantId, draft, 1);
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("INSERT INTO renlayer.policies (" + PolicyRows.COLUMNS
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, policy);
                ps.executeUpdate();
                saveVersion(c, policy, actor);
            } catch (SQLException e) {
                throw nameTaken(e, draft.name());
            }
            audit.record(tenantId, actor.name(), "policy.create", "policy", policy.id());
            return policy;
        });
    }

    /** Replaces the policy with the draft, as its next version. */
    public PolicyDefinition update(UUID tenantId, UUID policyId, PolicyDraft draft, Actor actor) {
        actor.requireMayChange(tenantId);
        return Storage.call(() -> {
            PolicyDefinition current = get(tenantId, policyId);
            PolicyDefinition next = definition(policyId, tenantId, draft, current.version() + 1);
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("""
                    UPDATE renlayer.policies SET name = ?, priority = ?, enabled = ?, phase = ?, conditions = ?, action = ?,
                           version = ?, updated_at = ? WHERE tenant_id = ? AND id = ?""")) {
                ps.setString(1, next.name());
                ps.setInt(2, next.priority());
                ps.setBoolean(3, next.enabled());
                ps.setString(4, next.phase().wire());
                ps.setString(5, next.conditions().toString());
                ps.setString(6, next.action());
                ps.setInt(7, next.version());
                ps.setObject(8, Timestamp.from(next.updatedAt()));
                ps.setObject(9, tenantId);
                ps.setObject(10, policyId);
                ps.executeUpdate();
                saveVersion(c, next, actor);
            } catch (SQLException e) {
                throw nameTaken(e, draft.name());
            }
            audit.record(tenantId, actor.name(), "policy.update", "policy", policyId);
            return next;
        });
    }

    public void delete(UUID tenantId, UUID policyId, Actor actor) {
        actor.requireMayChange(tenantId);
        Storage.run(() -> {
            PolicyDefinition current = get(tenantId, policyId);
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps =
                            c.prepareStatement("DELETE FROM renlayer.policies WHERE tenant_id = ? AND id = ?")) {
                ps.setObject(1, tenantId);
                ps.setObject(2, policyId);
                ps.executeUpdate();
                try (PreparedStatement v = c.prepareStatement("""
                        INSERT INTO renlayer.policy_versions (policy_id, version, tenant_id, policy, changed_by)
                        VALUES (?, ?, ?, NULL, ?)""")) {
                    v.setObject(1, policyId);
                    v.setInt(2, current.version() + 1);
                    v.setObject(3, tenantId);
                    v.setString(4, actor.name());
                    v.executeUpdate();
                }
            }
            audit.record(tenantId, actor.name(), "policy.delete", "policy", policyId);
        });
    }

    public PolicyDefinition get(UUID tenantId, UUID policyId) {
        return Storage.call(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT " + PolicyRows.COLUMNS
                            + " FROM renlayer.policies WHERE tenant_id = ? AND id = ?")) {
                ps.setObject(1, tenantId);
                ps.setObject(2, policyId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("policy");
                    }
                    return PolicyRows.read(rs);
                }
            }
        });
    }

    /** The tenant's policies in evaluation order. */
    public List<PolicyDefinition> list(UUID tenantId) {
        return Storage.call(() -> {
            tenants.require(tenantId);
            return PolicyRows.ofTenant(dataSource, tenantId, false);
        });
    }

    /** Every version of the policy, oldest first; a deletion is a version whose policy is null. */
    public JsonArray versions(UUID tenantId, UUID policyId) {
        return Storage.call(() -> {
            JsonArrayBuilder result = Jsonp.createArrayBuilder();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("""
                    SELECT version, policy, changed_by, changed_at FROM renlayer.policy_versions
                     WHERE tenant_id = ? AND policy_id = ? ORDER BY version""")) {
                ps.setObject(1, tenantId);
                ps.setObject(2, policyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        var version = Jsonp.createObjectBuilder()
                                .add("version", rs.getInt(1))
                                .add("changedBy", rs.getString(3))
                                .add("changedAt", rs.getTimestamp(4).toInstant().toString());
                        String body = rs.getString(2);
                        if (body == null) {
                            version.addNull("policy");
                        } else {
                            version.add(
                                    "policy",
                                    Jsonp.createReader(new StringReader(body)).readObject());
                        }
                        result.add(version);
                    }
                }
            }
            JsonArray built = result.build();
            if (built.isEmpty()) {
                throw new NotFoundException("policy");
            }
            return built;
        });
    }

    /** Validates by compiling: what saves, runs. */
    private PolicyDefinition definition(UUID id, UUID tenantId, PolicyDraft draft, int version) {
        PolicyDefinition policy = new PolicyDefinition(
                id,
                tenantId,
                draft.name(),
                draft.priority(),
                draft.enabled(),
                draft.phase(),
                draft.conditions(),
                draft.action(),
                version,
                Instant.now());
        PolicyCompiler.compile(policy, actionsOf(tenantId));
        return policy;
    }

    private static void saveVersion(Connection c, PolicyDefinition policy, Actor actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO renlayer.policy_versions (policy_id, version, tenant_id, policy, changed_by)
                VALUES (?, ?, ?, ?, ?)""")) {
            ps.setObject(1, policy.id());
            ps.setInt(2, policy.version());
            ps.setObject(3, policy.tenantId());
            ps.setString(4, policy.toJson().toString());
            ps.setString(5, actor.name());
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, PolicyDefinition p) throws SQLException {
        ps.setObject(1, p.id());
        ps.setObject(2, p.tenantId());
        ps.setString(3, p.name());
        ps.setInt(4, p.priority());
        ps.setBoolean(5, p.enabled());
        ps.setString(6, p.phase().wire());
        ps.setString(7, p.conditions().toString());
        ps.setString(8, p.action());
        ps.setInt(9, p.version());
        ps.setObject(10, Timestamp.from(p.updatedAt()));
    }

    private static RuntimeException nameTaken(SQLException e, String name) throws SQLException {
        if ("23505".equals(e.getSQLState())) {
            return new ConflictException("a policy named '" + name + "' already exists");
        }
        throw e;
    }
}
