package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.admin.traces.TraceRetention;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Retention on the real schema: partitions exist ahead of time, a day past every tenant's
 * retention is dropped whole, and a tenant that keeps less loses only its own older rows.
 */
@ExtendWith(GatewayExtension.class)
class TraceRetentionIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void partitionsAreMadeAheadAndDroppedAfterTheLongestRetentionWhileEachTenantKeepsItsOwn(Gateway gateway)
            throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant brief = platform.newTenant();
        Platform.TestTenant patient = platform.newTenant();
        setRetention(platform, brief, 2);
        setRetention(platform, patient, 10);
        // No other tenant of the suite keeps longer, so ten days is the longest retention.
        try (Connection c = Gateway.database();
                Statement st = c.createStatement()) {
            st.execute("UPDATE renlayer.tenants SET trace_retention_days = least(trace_retention_days, 10)");
        }
        for (int daysAgo : new int[] {0, 1, 3, 5, 12}) {
            insertTrace(brief, daysAgo);
            insertTrace(patient, daysAgo);
        }

        TraceRetention.Outcome outcome = new TraceRetention(dataSource()).apply(TODAY);

        assertThat(outcome.skipped()).isFalse();
        assertThat(outcome.droppedDays()).contains(TODAY.minusDays(12)).doesNotContain(TODAY.minusDays(5));
        assertThat(daysWithTraces(brief)).containsExactlyInAnyOrder(0, 1);
        assertThat(daysWithTraces(patient)).containsExactlyInAnyOrder(0, 1, 3, 5);
        assertThat(partitions())
                .contains(partition(TODAY.plusDays(3)), partition(TODAY.minusDays(5)))
                .doesNotContain(partition(TODAY.minusDays(12)));
    }

    @Test
    void aSecondNodeRunningAtTheSameTimeStandsAside(Gateway gateway) throws Exception {
        try (Connection holder = Gateway.database()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + 0x52656e4c61796572L + ")");
            }
            assertThat(new TraceRetention(dataSource()).apply(TODAY).skipped()).isTrue();
            holder.rollback();
        }
    }

    @Test
    void retentionOutsideItsRangeIsRefusedWithAProblem(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();

        HttpResponse<String> refused = platform.patch("/api/v1/tenants/" + t.tenantId(), "{\"traceRetentionDays\":0}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("traceRetentionDays");
    }

    private static void setRetention(Platform platform, Platform.TestTenant t, int days) throws Exception {
        HttpResponse<String> r =
                platform.patch("/api/v1/tenants/" + t.tenantId(), "{\"traceRetentionDays\":" + days + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Platform.json(r.body()).getInt("traceRetentionDays")).isEqualTo(days);
    }

    private static void insertTrace(Platform.TestTenant t, int daysAgo) throws Exception {
        LocalDate day = TODAY.minusDays(daysAgo);
        try (Connection c = Gateway.database()) {
            try (PreparedStatement ensure = c.prepareStatement("SELECT renlayer.ensure_trace_partition(?)")) {
                ensure.setObject(1, day);
                ensure.execute();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO renlayer.traces (id, created_at, tenant_id, request_id, route, method, stream, status, latency_ms)
                    VALUES (?, ?, ?, ?, '/v1/chat/completions', 'POST', false, 200, 1)""")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setTimestamp(2, Timestamp.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC)));
                ps.setObject(3, UUID.fromString(t.tenantId()));
                ps.setString(4, "req_retention_" + daysAgo);
                ps.executeUpdate();
            }
        }
    }

    private static List<Integer> daysWithTraces(Platform.TestTenant t) throws Exception {
        List<Integer> days = new ArrayList<>();
        try (Connection c = Gateway.database();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT (?::date - (created_at AT TIME ZONE 'UTC')::date) FROM renlayer.traces WHERE tenant_id = ?")) {
            ps.setObject(1, TODAY);
            ps.setObject(2, UUID.fromString(t.tenantId()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getInt(1));
                }
            }
        }
        return days;
    }

    private static List<String> partitions() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = Gateway.database();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                                + "WHERE i.inhparent = 'renlayer.traces'::regclass")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String partition(LocalDate day) {
        return "traces_" + day.toString().replace("-", "");
    }

    private static PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl());
        ds.setUser("postgres");
        return ds;
    }

    private static String jdbcUrl() {
        try (Connection c = Gateway.database()) {
            return c.getMetaData().getURL();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
