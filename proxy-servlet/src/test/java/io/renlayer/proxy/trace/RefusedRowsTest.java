package io.renlayer.proxy.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.renlayer.core.traces.TraceRecord;
import io.renlayer.core.traces.TraceWriterWatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefusedRowsTest {

    @TempDir
    Path dir;

    private final TraceWriterWatch watch = new TraceWriterWatch();
    private final List<TraceRecord> stored = new ArrayList<>();
    private int transactions;

    @Test
    void onlyTheRowsTheDatabaseRefusesAreSetAsideAndTheOthersAreStoredOnce() throws Exception {
        List<TraceRecord> batch = TraceSpoolTest.rows(1000);
        Set<TraceRecord> bad = Set.of(batch.get(3), batch.get(500), batch.get(999));
        RefusedRows refused = new RefusedRows(new TraceDeadLetters(dir, watch));

        int count = refused.store(batch, rows -> insertUnless(rows, bad::contains, "22021"));

        assertThat(count).isEqualTo(997);
        assertThat(stored).hasSize(997).doesNotContainAnyElementsOf(bad);
        assertThat(new HashSet<>(stored)).hasSize(997);
        assertThat(watch.deadLetteredRows()).isEqualTo(3);
        assertThat(transactions).as("a few halvings, not a row at a time").isLessThan(80);
        String letters;
        try (var files = Files.list(dir)) {
            letters = Files.readString(files.findFirst().orElseThrow());
        }
        assertThat(letters.lines()).hasSize(3).allMatch(l -> l.contains("\"reason\":\"SQLState 22021\""));
        assertThat(letters).contains("\"requestId\":\"" + batch.get(500).requestId() + "\"");
    }

    @Test
    void aFailureOfTheDatabaseItselfIsThrownForTheCallerToSpool() {
        RefusedRows refused = new RefusedRows(new TraceDeadLetters(dir, watch));

        SQLException e = assertThrows(
                SQLException.class,
                () -> refused.store(TraceSpoolTest.rows(10), rows -> insertUnless(rows, r -> true, "08006")));

        assertThat(e.getSQLState()).isEqualTo("08006");
        assertThat(watch.deadLetteredRows()).isZero();
    }

    @Test
    void aRowThatCannotBeEncodedIsSetAsideToo() throws Exception {
        List<TraceRecord> batch = TraceSpoolTest.rows(4);
        RefusedRows refused = new RefusedRows(new TraceDeadLetters(dir, watch));

        // As TraceCopy reports a row it cannot encode.
        int count = refused.store(batch, rows -> insertUnless(rows, batch.get(1)::equals, "22000"));

        assertThat(count).isEqualTo(3);
        assertThat(watch.deadLetteredRows()).isEqualTo(1);
    }

    @Test
    void anUnexpectedFailureOfTheWriterIsThrownNotTakenForTheRowsFault() {
        RefusedRows refused = new RefusedRows(new TraceDeadLetters(dir, watch));

        assertThrows(
                IllegalStateException.class,
                () -> refused.store(TraceSpoolTest.rows(4), rows -> {
                    throw new IllegalStateException("pool closed");
                }));

        assertThat(watch.deadLetteredRows()).isZero();
    }

    private void insertUnless(List<TraceRecord> rows, Predicate<TraceRecord> refused, String state)
            throws SQLException {
        transactions++;
        if (rows.stream().anyMatch(refused)) {
            throw new SQLException("refused", state);
        }
        stored.addAll(rows);
    }
}
