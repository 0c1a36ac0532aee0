package io.renlayer.proxy.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.core.traces.TraceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceSpoolTest {

    @TempDir
    Path dir;

    @Test
    void batchesComeBackOldestFirstAndAreGoneOnceDeleted() throws Exception {
        TraceSpool spool = new TraceSpool(dir);
        List<TraceRecord> first = rows(3);
        List<TraceRecord> second = rows(2);
        spool.write(first);
        spool.write(second);
        assertThat(spool.spooledRows()).isEqualTo(5);

        Path oldest = spool.oldest().orElseThrow();
        assertThat(spool.read(oldest)).isEqualTo(first);
        spool.delete(oldest, 3);

        Path next = spool.oldest().orElseThrow();
        assertThat(spool.read(next)).isEqualTo(second);
        spool.delete(next, 2);
        assertThat(spool.oldest()).isEmpty();
        assertThat(spool.spooledRows()).isZero();
    }

    @Test
    void aRestartedServerCountsWhatAnEarlierRunLeftAndDiscardsHalfWrittenFiles() throws Exception {
        new TraceSpool(dir).write(rows(4));
        Files.writeString(dir.resolve("00000000000000000001-000001.part"), "{\"id\":");

        TraceSpool restarted = new TraceSpool(dir);

        assertThat(restarted.spooledRows()).isEqualTo(4);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void anUnreadableLineIsSkippedAndTheRestReplayed() throws Exception {
        TraceSpool spool = new TraceSpool(dir);
        List<TraceRecord> rows = rows(2);
        spool.write(rows);
        Path file = spool.oldest().orElseThrow();
        Files.writeString(file, Files.readString(file) + "{\"torn\n");

        assertThat(spool.read(file)).isEqualTo(rows);
    }

    @Test
    void aFileThatCannotBeReadIsQuarantinedAndTheNextOneIsOldest() throws Exception {
        TraceSpool spool = new TraceSpool(dir);
        spool.write(rows(2));
        Path broken = spool.oldest().orElseThrow();
        Files.write(broken, new byte[] {'{', (byte) 0xC3, '\n', (byte) 0xFF, '\n'}); // not UTF-8
        List<TraceRecord> next = rows(3);
        spool.write(next);

        IOException unreadable = Assertions.assertThrows(IOException.class, () -> spool.read(broken));
        spool.quarantine(broken, unreadable);

        assertThat(dir.resolve("quarantine").resolve(broken.getFileName())).exists();
        assertThat(spool.read(spool.oldest().orElseThrow())).isEqualTo(next);
        assertThat(spool.spooledRows()).isEqualTo(3);
    }

    @Test
    void aServerStartsOverAFileThatIsNotUtf8AndCountsItsLines() throws Exception {
        new TraceSpool(dir).write(rows(2));
        Files.write(
                dir.resolve("00000000000000000000-000000.jsonl"),
                new byte[] {'{', (byte) 0xC3, '\n', (byte) 0xFF, '\n'});

        TraceSpool restarted = new TraceSpool(dir);

        assertThat(restarted.spooledRows()).isEqualTo(4);
    }

    static List<TraceRecord> rows(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> TraceRecord.of(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "req_" + i)
                        .call("openai.chat", "POST", "openai", "gpt-4o", false)
                        .ended(200, null, 5, 4)
                        .tokens(1, 2, 3)
                        .policies(List.of(), "ALLOW")
                        .bodies("{}", null)
                        .build())
                .toList();
    }
}
