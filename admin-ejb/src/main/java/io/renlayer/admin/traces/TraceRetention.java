package io.renlayer.admin.traces;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Keeps the daily trace partitions in shape: the next days' partitions exist before their first
 * row, partitions older than the longest tenant retention are dropped whole (cheap, no vacuum),
 * and a tenant that keeps less has its older rows deleted from the partitions that remain. Every
 * node may run it; an advisory lock lets one at a time do the work.
 */
@ApplicationScoped
public class TraceRetention {

    /** Partitions created ahead of today, so midnight never lands in the default partition. */
    static final int DAYS_AHEAD = 3;

    private static final long LOCK_KEY = 0x52656e4c61796572L; // "RenLayer"
    private static final Pattern PARTITION = Pattern.compile("traces_(\\d{8})");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** What one run did; {@code skipped} when another node held the lock. */
    public record Outcome(boolean skipped, List<LocalDate> droppedDays, long deletedRows) {}

    @Resource(lookup = "jdbc/renlayerDirect")
    private DataSource dataSource;

    TraceRetention() {
        // for CDI, which injects the data source
    }

    /** Outside the server: a maintenance tool or a test with its own connection. */
    public TraceRetention(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Outcome apply(LocalDate today) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Outcome outcome = applyLocked(c, today);
                c.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private Outcome applyLocked(Connection c, LocalDate today) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return new Outcome(true, List.of(), 0);
                }
            }
        }
        try (PreparedStatement ensure = c.prepareStatement("SELECT renlayer.ensure_trace_partition(?)")) {
            for (int d = 0; d <= DAYS_AHEAD; d++) {
                ensure.setObject(1, today.plusDays(d));
                ensure.execute();
            }
        }
        LocalDate firstKept = today.minusDays(longestRetention(c) - 1L);
        List<LocalDate> dropped = new ArrayList<>();
        for (String partition : partitions(c)) {
            Matcher m = PARTITION.matcher(partition);
            if (m.matches()) {
                LocalDate day = LocalDate.parse(m.group(1), DAY);
                // Retention N keeps today and the N-1 days before; a day goes once all of it is older.
                if (day.isBefore(firstKept)) {
                    try (Statement drop = c.createStatement()) {
                        drop.execute("DROP TABLE renlayer." + partition); // name matched the pattern above
                    }
                    dropped.add(day);
                }
            }
        }
        return new Outcome(false, dropped, deleteBeyondTenantRetention(c, today));
    }

    private static int longestRetention(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT coalesce(max(trace_retention_days), 30) FROM renlayer.tenants")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> partitions(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                SELECT child.relname FROM pg_inherits i
                  JOIN pg_class child ON child.oid = i.inhrelid
                  JOIN pg_class parent ON parent.oid = i.inhparent
                  JOIN pg_namespace n ON n.oid = parent.relnamespace
                 WHERE parent.relname = 'traces' AND n.nspname = 'renlayer'""")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Rows older than their tenant's retention, wherever they are (the default partition too). */
    private static long deleteBeyondTenantRetention(Connection c, LocalDate today) throws SQLException {
        List<Object[]> tenants = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, trace_retention_days FROM renlayer.tenants")) {
            while (rs.next()) {
                tenants.add(new Object[] {rs.getObject(1, UUID.class), rs.getInt(2)});
            }
        }
        long deleted = 0;
        try (PreparedStatement delete =
                c.prepareStatement("DELETE FROM renlayer.traces WHERE tenant_id = ? AND created_at < ?")) {
            for (Object[] t : tenants) {
                LocalDate firstKept = today.minusDays((Integer) t[1] - 1L);
                delete.setObject(1, t[0]);
                delete.setTimestamp(
                        2, Timestamp.from(firstKept.atStartOfDay(ZoneOffset.UTC).toInstant()));
                deleted += delete.executeUpdate();
            }
        }
        return deleted;
    }
}
