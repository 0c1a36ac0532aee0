package io.renlayer.core.policies;

import io.renlayer.core.json.Jsonp;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads a tenant's stored policies, for the API and for the gateways' compiled sets. */
public final class PolicyRows {

    /** The columns {@link #read} reads, in its order. */
    public static final String COLUMNS =
            "id, tenant_id, name, priority, enabled, phase, conditions, action, version, updated_at";

    private PolicyRows() {}

    public static List<PolicyDefinition> ofTenant(DataSource dataSource, UUID tenantId, boolean enabledOnly)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT " + COLUMNS + " FROM renlayer.policies WHERE tenant_id = ?"
                                + (enabledOnly ? " AND enabled" : "") + " ORDER BY priority, name")) {
            ps.setObject(1, tenantId);
            List<PolicyDefinition> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(read(rs));
                }
            }
            return result;
        }
    }

    /** One policy from a row selected with {@link #COLUMNS}. */
    public static PolicyDefinition read(ResultSet rs) throws SQLException {
        return new PolicyDefinition(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getInt(4),
                rs.getBoolean(5),
                Phase.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)),
                Jsonp.createReader(new StringReader(rs.getString(7))).readObject(),
                rs.getString(8),
                rs.getInt(9),
                rs.getTimestamp(10).toInstant());
    }
}
