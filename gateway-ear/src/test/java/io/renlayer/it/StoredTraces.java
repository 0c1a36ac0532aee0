package io.renlayer.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The trace rows a tenant has in PostgreSQL, read directly and counted by request id or error code. */
final class StoredTraces {

    private static final String BY_REQUEST_ID = "request_id";
    private static final String BY_ERROR_CODE = "coalesce(error_code, 'none')";

    private StoredTraces() {}

    static Map<String, Integer> byRequestId(String tenantId) throws Exception {
        return countBy(tenantId, BY_REQUEST_ID);
    }

    static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Request id to rows, once the tenant has at least {@code expected} rows; 60 s at most. */
    static Map<String, Integer> await(String tenantId, int expected) throws Exception {
        return await(tenantId, expected, BY_REQUEST_ID);
    }

    /** Error code ("none" for success) to rows, once the tenant has at least {@code expected} rows. */
    static Map<String, Integer> awaitByErrorCode(String tenantId, int expected) throws Exception {
        return await(tenantId, expected, BY_ERROR_CODE);
    }

    private static Map<String, Integer> await(String tenantId, int expected, String grouping) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Map<String, Integer> rows = countBy(tenantId, grouping);
        while (total(rows) < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            rows = countBy(tenantId, grouping);
        }
        return rows;
    }

    /** {@code grouping} is one of the constants above, never caller input. */
    private static Map<String, Integer> countBy(String tenantId, String grouping) throws Exception {
        Map<String, Integer> rows = new TreeMap<>();
        try (Connection c = Gateway.database();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT " + grouping + ", count(*) FROM renlayer.traces WHERE tenant_id = ? GROUP BY 1")) {
            ps.setObject(1, UUID.fromString(tenantId));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return rows;
    }
}
