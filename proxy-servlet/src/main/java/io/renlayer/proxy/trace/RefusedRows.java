package io.renlayer.proxy.trace;

import io.renlayer.core.traces.TraceRecord;
import java.sql.SQLException;
import java.util.List;

/**
 * Stores a batch so that no row can keep the others out. A batch is one transaction; when
 * PostgreSQL refuses it for its data (not for the connection), it is halved and each half tried
 * again, until each refused row stands alone and goes to the {@link TraceDeadLetters}. k bad rows
 * in a batch of n cost about 2·k·log2(n) more tries; good rows are stored once.
 */
final class RefusedRows {

    /** One transaction's insert of the rows, all or none. */
    interface Insert {
        void rows(List<TraceRecord> rows) throws SQLException;
    }

    private final TraceDeadLetters deadLetters;

    RefusedRows(TraceDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * Stores what the database takes and sets aside what it refuses for its data.
     *
     * @return the rows stored
     * @throws SQLException the database itself failed (connection lost, shut down): the caller
     *     keeps the whole batch, whose replay skips the rows this call already stored
     */
    int store(List<TraceRecord> rows, Insert insert) throws SQLException {
        try {
            insert.rows(rows);
            return rows.size();
        } catch (SQLException e) {
            if (!refusedForItsData(e)) {
                throw e;
            }
            return split(rows, insert, "SQLState " + e.getSQLState());
        }
    }

    private int split(List<TraceRecord> rows, Insert insert, String reason) throws SQLException {
        if (rows.size() == 1) {
            deadLetters.add(rows.get(0), reason);
            return 0;
        }
        int half = rows.size() / 2;
        return store(rows.subList(0, half), insert) + store(rows.subList(half, rows.size()), insert);
    }

    /**
     * Data exceptions (class 22: bad encoding, out of range, and a row the writer cannot encode),
     * integrity violations (23) and program limits (54: a value too large) come from a row; every other class (connection 08,
     * operator intervention 57, resources 53, rollback 40, none at all) from the database.
     */
    static boolean refusedForItsData(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"));
    }
}
