package io.renlayer.proxy.trace;

import io.renlayer.core.config.GatewaySettings;
import io.renlayer.core.runtime.SurvivingLoop;
import io.renlayer.core.traces.TraceRecord;
import io.renlayer.core.traces.TraceStore;
import io.renlayer.core.traces.TraceWriterWatch;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Takes trace rows off the request path: {@link #submit} never blocks, and one writer thread
 * stores rows in batches. While the database is away the writer spools batches to local disk
 * instead ({@link TraceSpool}) and keeps draining the queue, so the queue does not fill up during
 * an outage; once the database answers again the spooled batches are replayed, each row exactly
 * once. Only a full queue (the writer cannot keep up even with the disk) drops rows, and counts them.
 * A row the database refuses for its data is set aside alone ({@link RefusedRows}), and a spool
 * file that cannot be read is moved out of the way: neither stops the rows after it.
 */
@ApplicationScoped
public class TraceQueue {

    private static final Logger LOG = Logger.getLogger(TraceQueue.class.getName());
    private static final int CAPACITY = 100_000;
    private static final int BATCH = 1_000;
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int LINGER_BELOW = BATCH / 4;
    private static final long FIRST_BACKOFF_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final BlockingQueue<Supplier<TraceRecord>> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong bodiesSkipped = new AtomicLong();
    private final BodyBudget bodies = new BodyBudget(GatewaySettings.traceQueueBodyBytes());
    private final AtomicLong written = new AtomicLong();

    @Inject
    private TraceStore store;

    @Inject
    private TraceWriterWatch watch;

    @Resource
    private ManagedThreadFactory threads;

    private TraceSpool spool;
    private RefusedRows refused;
    private volatile boolean running = true;
    /** The writer has ended: a row offered now is stored by the thread that offers it. */
    private volatile boolean writerEnded;

    private Thread writer;
    /** While the database is away: when to try it again, and how long to wait after that. */
    private long retryAtNanos;

    private long backoffMillis = FIRST_BACKOFF_MILLIS;

    @PostConstruct
    void start() {
        try {
            spool = new TraceSpool(GatewaySettings.traceSpoolDir());
            refused = new RefusedRows(new TraceDeadLetters(spool.deadLetterDir(), watch));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot use the trace spool directory " + GatewaySettings.traceSpoolDir(), e);
        }
        // Until stopped, and then until the queue is empty: rows queued before the stop are still stored.
        writer = threads.newThread(new SurvivingLoop(
                "Trace writer", () -> running || !queue.isEmpty(), this::writeOnce, Duration.ofSeconds(1)));
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
        offer(() -> row);
    }

    /**
     * Hands over a row whose bodies the writer adds itself ({@code addBodies}: redaction, session),
     * work that must not delay the response. Until then the row holds {@code bodyBytes} of bodies;
     * when the queue already holds its bound of those, the row goes without them, flagged
     * {@code trace_bodies_skipped}. If adding the bodies fails, the row is written as it was.
     */
    public void submit(TraceRecord row, long bodyBytes, UnaryOperator<TraceRecord> addBodies) {
        if (!bodies.tryHold(bodyBytes)) {
            bodiesSkipped.incrementAndGet();
            submit(row.withFlag("trace_bodies_skipped"));
            return;
        }
        boolean queued = offer(() -> {
            try {
                return addBodies.apply(row);
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                LOG.warning("Trace bodies not stored for request " + row.requestId() + ": "
                        + e.getClass().getSimpleName());
                return row;
            } finally {
                bodies.release(bodyBytes);
            }
        });
        if (!queued) {
            bodies.release(bodyBytes);
        }
    }

    private boolean offer(Supplier<TraceRecord> row) {
        if (queue.offer(row)) {
            if (writerEnded) {
                // A call that finished while the application stopped: no writer will take its row.
                storeLateRows();
            }
            return true;
        }
        if (dropped.incrementAndGet() % 1000 == 1) {
            LOG.warning("Trace queue full: " + dropped.get() + " trace rows dropped so far");
        }
        return false;
    }

    /** Rows queued without their bodies because queued rows already held the bound of body bytes. */
    public long bodiesSkipped() {
        return bodiesSkipped.get();
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

    private void writeOnce() {
        try {
            List<TraceRecord> batch = nextBatch();
            if (!batch.isEmpty()) {
                storeOrSpool(batch);
            }
            if (running) {
                replayOneSpooledBatch();
            }
            if (queue.isEmpty() && spooled() == 0) {
                watch.keptUp();
            }
        } catch (InterruptedException e) {
            running = false; // shutdown: the loop goes on to store or spool what is queued
        }
    }

    private List<TraceRecord> nextBatch() throws InterruptedException {
        Supplier<TraceRecord> first = running ? queue.poll(200, TimeUnit.MILLISECONDS) : queue.poll();
        if (first == null) {
            return List.of();
        }
        List<Supplier<TraceRecord>> pending = new ArrayList<>(BATCH);
        pending.add(first);
        queue.drainTo(pending, BATCH - 1);
        lingerForMore(pending);
        return completed(pending);
    }

    /**
     * Under light load, waits a moment for a fuller batch: each batch costs a transaction and
     * its round trips, and on a busy machine that CPU is taken from the calls being served. The
     * writer sleeps the moment out instead of waiting on the queue: a waiting writer is woken by
     * every row offered (a system call on the calling thread, and a context switch), a sleeping
     * one by none. Under heavy load the queue refills while a batch is stored; no wait is needed.
     * An interrupt (the application stopping) ends the wait but keeps the rows already taken.
     */
    private void lingerForMore(List<Supplier<TraceRecord>> pending) {
        if (!running || pending.size() >= LINGER_BELOW) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(LINGER_NANOS);
        } catch (InterruptedException e) {
            running = false;
            return;
        }
        queue.drainTo(pending, BATCH - pending.size());
    }

    private void storeOrSpool(List<TraceRecord> batch) {
        if (!databaseAway()) {
            try {
                insert(batch);
                return;
            } catch (SQLException e) {
                databaseFailed(e);
            } catch (RuntimeException | OutOfMemoryError e) {
                LOG.severe("Trace batch of " + batch.size() + " rows not stored, spooling it: " + e);
            }
        }
        spool(batch);
    }

    private void spool(List<TraceRecord> rows) {
        try {
            spool.write(rows);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            dropped.addAndGet(rows.size());
            LOG.severe("Neither the database nor the trace spool took " + rows.size() + " trace rows: " + e);
        }
    }

    private void replayOneSpooledBatch() {
        if (databaseAway() || spool.spooledRows() == 0) { // no directory listing while nothing waits
            return;
        }
        Optional<Path> file;
        try {
            file = spool.oldest();
        } catch (IOException e) {
            LOG.warning("Cannot list the trace spool: " + e);
            return;
        }
        if (file.isEmpty()) {
            spool.emptied();
            return;
        }
        List<TraceRecord> rows;
        try {
            rows = spool.read(file.get());
        } catch (IOException | RuntimeException e) {
            spool.quarantine(file.get(), e);
            return;
        }
        try {
            counted(refused.store(rows, store::insertReplayed));
            spool.delete(file.get(), rows.size());
        } catch (SQLException e) {
            databaseFailed(e);
        } catch (IOException e) {
            LOG.warning("Cannot delete a replayed trace spool file: " + e);
        }
    }

    private void insert(List<TraceRecord> rows) throws SQLException {
        counted(refused.store(rows, store::insertBatch));
    }

    private void counted(int rows) {
        written.addAndGet(rows);
        watch.keptUp();
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
        if (!writer.isAlive()) {
            writerEnded = true;
            storeLateRows();
        }
    }

    /**
     * Rows of calls that finished after the writer's last look are stored like any batch, and
     * spooled (replayed on the next start) only if the database does not take them: a server
     * that is stopped for good would otherwise keep the traces of calls it answered on its disk.
     * Once the writer has ended, the stop and each late call run this, one at a time: whichever
     * runs after a row was queued stores it, so none is left in the queue.
     */
    private synchronized void storeLateRows() {
        List<Supplier<TraceRecord>> late = new ArrayList<>();
        queue.drainTo(late);
        if (late.isEmpty()) {
            return;
        }
        storeOrSpool(completed(late));
    }

    /** Runs each row's deferred work (its bodies), here on the writer's side. */
    private static List<TraceRecord> completed(List<Supplier<TraceRecord>> pending) {
        List<TraceRecord> rows = new ArrayList<>(pending.size());
        pending.forEach(row -> rows.add(row.get()));
        return rows;
    }
}
