package io.renlayer.proxy.trace;

import io.renlayer.core.traces.TraceLine;
import io.renlayer.core.traces.TraceRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Trace batches kept on local disk while the database is away: one file per batch, written to a
 * temporary name, forced to disk and then renamed, so a file either holds its whole batch or does
 * not exist. Files are replayed oldest first and deleted only after their rows are committed;
 * replaying a file twice (a crash between commit and delete) is harmless because the insert
 * ignores rows it already has. A file that cannot be read at all is moved to {@code quarantine/}
 * for an operator, and the files after it replay.
 */
final class TraceSpool {

    private static final Logger LOG = Logger.getLogger(TraceSpool.class.getName());
    private static final String SUFFIX = ".jsonl";

    private final Path dir;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong spooledRows = new AtomicLong();

    TraceSpool(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        try (Stream<Path> leftovers = Files.list(dir)) {
            // A temporary file from a crash mid-write never held a whole batch; its rows are lost
            // with the process that was writing them, the same as rows still in its queue.
            for (Path p : leftovers.toList()) {
                if (p.toString().endsWith(".part")) {
                    Files.delete(p);
                } else if (p.toString().endsWith(SUFFIX)) {
                    spooledRows.addAndGet(rowsIn(p));
                }
            }
        }
    }

    /** Writes the batch durably; when this returns the rows survive a crash of the server. */
    void write(List<TraceRecord> batch) throws IOException {
        String name = "%020d-%06d".formatted(System.currentTimeMillis(), sequence.incrementAndGet() % 1_000_000);
        Path part = dir.resolve(name + ".part");
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            BufferedWriter out = new BufferedWriter(
                    new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
            for (TraceRecord row : batch) {
                out.write(TraceLine.encode(row));
                out.write('\n');
            }
            out.flush();
            channel.force(true);
        }
        Files.move(part, dir.resolve(name + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
        spooledRows.addAndGet(batch.size());
    }

    /** The oldest spooled batch, if any. */
    Optional<Path> oldest() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(SUFFIX)).sorted().findFirst();
        }
    }

    List<TraceRecord> read(Path file) throws IOException {
        List<TraceRecord> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                rows.add(TraceLine.decode(line));
            } catch (IllegalArgumentException e) {
                LOG.warning("Skipping an unreadable line in trace spool file " + file.getFileName());
            }
        }
        return rows;
    }

    void delete(Path file, int rows) throws IOException {
        Files.deleteIfExists(file);
        spooledRows.addAndGet(-rows);
    }

    /** Sets aside a batch file that cannot be replayed, so that the files after it can be. */
    void quarantine(Path file, Exception why) {
        try {
            Path target = Files.createDirectories(dir.resolve("quarantine")).resolve(file.getFileName());
            long rows = rowsIn(file);
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            spooledRows.addAndGet(-rows);
            LOG.severe("Trace spool file " + file.getFileName() + " cannot be replayed ("
                    + why.getClass().getSimpleName() + "); moved to " + target + " with its " + rows + " rows");
        } catch (IOException e) {
            LOG.severe("Trace spool file " + file.getFileName() + " cannot be replayed nor moved aside: " + e);
        }
    }

    /**
     * The rows a batch file holds, one a line. Read as ISO-8859-1, in which every byte is a char
     * and a line break the same byte as in UTF-8: a file that is not valid UTF-8 (one to quarantine)
     * is counted rather than failing the count, and with it the server's start.
     */
    private static long rowsIn(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> !l.isBlank()).count();
        }
    }

    /** Where rows the database refused for their data are set aside. */
    Path deadLetterDir() {
        return dir.resolve("dead-letter");
    }

    /** No batch file is left: the count restarts at zero (torn lines were counted but not replayed). */
    void emptied() {
        spooledRows.set(0);
    }

    /** Rows on disk waiting to be replayed, those left by an earlier run included. */
    long spooledRows() {
        return Math.max(0, spooledRows.get());
    }
}
