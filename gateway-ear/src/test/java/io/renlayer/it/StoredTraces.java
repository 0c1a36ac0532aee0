package io.renlayer.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The trace rows a tenant has in PostgreSQL, read directly: request id to the number of rows. */
final class StoredTraces {

    private StoredTraces() {}

    static Map<String, Integer> byRequestId(String tenantId) throws Exception {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection c = Gateway.database();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT request_id, count(*) FROM renlayer.traces WHERE tenant_id = ? GROUP BY request_id")) {
            ps.setObject(1, UUID.fromString(tenantId));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return rows;
    }

    static int total(Map<String, Integer> byRequestId) {
        return byRequestId.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Waits until the tenant has at least {@code expected} rows, then returns them; 60 s at most. */
    static Map<String, Integer> await(String tenantId, int expected) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Map<String, Integer> rows = byRequestId(tenantId);
        while (total(rows) < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            rows = byRequestId(tenantId);
        }
        return rows;
    }
}
