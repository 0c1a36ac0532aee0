package io.renlayer.proxy.trace;

import io.renlayer.core.json.Jsonp;
import io.renlayer.core.traces.TraceLine;
import io.renlayer.core.traces.TraceRecord;
import io.renlayer.core.traces.TraceWriterWatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Logger;

/**
 * Trace rows the database refused for their data, set aside so that they never block the rows
 * after them: one JSON line each in {@code dead-letter/<day>.jsonl} under the spool directory,
 * with the request id, tenant and reason beside the row, for an operator to look into (and, once
 * the cause is fixed, to replay). Each is logged with its request id and counted in
 * {@code renlayer_trace_rows_dead_lettered}; the reason is an SQLState, never the row's text.
 */
final class TraceDeadLetters {

    private static final Logger LOG = Logger.getLogger(TraceDeadLetters.class.getName());

    private final Path dir;
    private final TraceWriterWatch watch;

    TraceDeadLetters(Path dir, TraceWriterWatch watch) {
        this.dir = dir;
        this.watch = watch;
    }

    void add(TraceRecord row, String reason) {
        watch.deadLettered();
        String requestId = LogSafe.value(row.requestId());
        try {
            Files.createDirectories(dir);
            String line = Jsonp.createObjectBuilder()
                            .add("requestId", String.valueOf(row.requestId()))
                            .add("tenantId", String.valueOf(row.tenantId()))
                            .add("reason", reason)
                            .add("row", TraceLine.encode(row))
                            .build()
                    + "\n";
            Path file = dir.resolve(LocalDate.now(ZoneOffset.UTC) + ".jsonl");
            synchronized (this) {
                Files.writeString(
                        file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            LOG.warning("Trace row of request " + requestId + " (tenant " + row.tenantId()
                    + ") refused by the database (" + reason + "); set aside in " + file);
        } catch (IOException | RuntimeException e) {
            LOG.severe("Trace row of request " + requestId + " refused by the database (" + reason
                    + ") and not set aside: " + e.getClass().getSimpleName());
        }
    }
}
