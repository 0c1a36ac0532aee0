package io.renlayer.proxy.trace;

import io.renlayer.admin.config.GatewaySettings;
import io.renlayer.admin.traces.TraceRecord;
import io.renlayer.admin.traces.TraceStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Takes trace rows off the request path: {@link #submit} never blocks, and one writer thread
 * stores rows in batches. While the database is away the writer spools batches to local disk
 * instead ({@link TraceSpool}) and keeps draining the queue, so the queue does not fill up during
 * an outage; once the database answers again the spooled batches are replayed, each row exactly
 * once. Only a full queue (the writer cannot keep up even with the disk) drops rows, and counts them.
 */
@ApplicationScoped
public class TraceQueue {

    private static final Logger LOG = Logger.getLogger(TraceQueue.class.getName());
    private static final int CAPACITY = 100_000;
    private static final int BATCH = 1_000;
    private static final long FIRST_BACKOFF_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final BlockingQueue<Supplier<TraceRecord>> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();

    @Inject
    private TraceStore store;

    @Resource
    private ManagedThreadFactory threads;

    private TraceSpool spool;
    private volatile boolean running = true;
    private Thread writer;
    /** While the database is away: when to try it again, and how long to wait after that. */
    private long retryAtNanos;
    private long backoffMillis = FIRST_BACKOFF_MILLIS;

    @PostConstruct
    void start() {
        try {
            spool = new TraceSpool(GatewaySettings.traceSpoolDir());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot use the trace spool directory " + GatewaySettings.traceSpoolDir(), e);
        }
        writer = threads.newThread(this::drain);
        writer.setName("renlayer-trace-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Starts the writer with the application, so rows an earlier run spooled are replayed before any call. */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // Observing is enough: the container creates the bean, and @PostConstruct starts the writer.
    }

    /** Hands a row to the writer; returns at once. */
    public void submit(TraceRecord row) {
        submit(() -> row);
    }

    /**
     * Hands over a row the writer completes itself (redacted bodies, session): work that must not
     * delay the response. If completing fails, the row is written as it was.
     */
    public void submit(Supplier<TraceRecord> row) {
        if (!queue.offer(row)) {
            if (dropped.incrementAndGet() % 1000 == 1) {
                LOG.warning("Trace queue full: " + dropped.get() + " trace rows dropped so far");
            }
        }
    }

    public long pending() {
        return queue.size();
    }

    public long dropped() {
        return dropped.get();
    }

    public long written() {
        return written.get();
    }

    /** Rows on local disk waiting for the database. */
    public long spooled() {
        return spool == null ? 0 : spool.spooledRows();
    }

    private void drain() {
        while (running || !queue.isEmpty()) {
            try {
                List<TraceRecord> batch = nextBatch();
                if (!batch.isEmpty()) {
                    storeOrSpool(batch);
                }
                if (running) {
                    replayOneSpooledBatch();
                }
            } catch (InterruptedException e) {
                // Shutdown: loop on to store or spool what is queued.
                running = false;
            }
        }
    }

    private List<TraceRecord> nextBatch() throws InterruptedException {
        List<TraceRecord> batch = new ArrayList<>(BATCH);
        Supplier<TraceRecord> first = running ? queue.poll(200, TimeUnit.MILLISECONDS) : queue.poll();
        if (first != null) {
            List<Supplier<TraceRecord>> pending = new ArrayList<>(BATCH);
            pending.add(first);
            queue.drainTo(pending, BATCH - 1);
            pending.forEach(p -> batch.add(p.get()));
        }
        return batch;
    }

    private void storeOrSpool(List<TraceRecord> batch) {
        if (!databaseAway()) {
            try {
                insert(batch);
                return;
            } catch (SQLException e) {
                databaseFailed(e);
            }
        }
        try {
            spool.write(batch);
        } catch (IOException e) {
            dropped.addAndGet(batch.size());
            LOG.severe("Neither the database nor the trace spool took " + batch.size() + " trace rows: " + e);
        }
    }

    private void replayOneSpooledBatch() {
        if (databaseAway() || spool.spooledRows() == 0) { // no directory listing while nothing waits
            return;
        }
        try {
            Optional<Path> file = spool.oldest();
            if (file.isPresent()) {
                List<TraceRecord> rows = spool.read(file.get());
                insert(rows);
                spool.delete(file.get(), rows.size());
            } else {
                spool.emptied();
            }
        } catch (SQLException e) {
            databaseFailed(e);
        } catch (IOException e) {
            LOG.warning("Cannot replay the trace spool: " + e);
        }
    }

    private void insert(List<TraceRecord> rows) throws SQLException {
        store.insertBatch(rows);
        written.addAndGet(rows.size());
        backoffMillis = FIRST_BACKOFF_MILLIS;
        retryAtNanos = 0;
    }

    private boolean databaseAway() {
        return retryAtNanos != 0 && System.nanoTime() - retryAtNanos < 0;
    }

    private void databaseFailed(SQLException e) {
        if (retryAtNanos == 0) {
            LOG.warning("Trace rows are being spooled to local disk until the database answers: " + e.getMessage());
        }
        retryAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMillis);
        backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
    }

    @PreDestroy
    void stop() {
        // No interrupt: it would close a spool file mid-write. The writer sees the flag within one poll.
        running = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
