package io.renlayer.admin.policies;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads a tenant's stored policies, for the API and for the gateways' compiled sets. */
public final class PolicyRows {

    private PolicyRows() {}

    public static List<PolicyDefinition> ofTenant(DataSource dataSource, UUID tenantId, boolean enabledOnly)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + PolicyService.COLUMNS + " FROM renlayer.policies WHERE tenant_id = ?"
                        + (enabledOnly ? " AND enabled" : "") + " ORDER BY priority, name")) {
            ps.setObject(1, tenantId);
            List<PolicyDefinition> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(PolicyService.read(rs));
                }
            }
            return result;
        }
    }
}
