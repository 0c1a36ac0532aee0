package io.renlayer.proxy.trace;

import io.renlayer.admin.traces.TraceRecord;
import io.renlayer.admin.traces.TraceStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Takes trace rows off the request path: {@link #submit} never blocks, and one writer thread
 * stores rows in batches. While the database is away the writer keeps its batch and retries with
 * backoff, so accepted rows are not lost; only when the bounded queue is full are new rows dropped,
 * and counted. (Spooling to disk in that case is the reliability work of a later issue.)
 */
@ApplicationScoped
public class TraceQueue {

    private static final Logger LOG = Logger.getLogger(TraceQueue.class.getName());
    private static final int CAPACITY = 100_000;
    private static final int BATCH = 1_000;

    private final BlockingQueue<Supplier<TraceRecord>> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();

    @Inject
    private TraceStore store;

    @Resource
    private ManagedThreadFactory threads;

    private volatile boolean running = true;
    private Thread writer;

    @PostConstruct
    void start() {
        writer = threads.newThread(this::drain);
        writer.setName("renlayer-trace-writer");
        writer.setDaemon(true);
        writer.start();
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

    private void drain() {
        List<TraceRecord> batch = new ArrayList<>(BATCH);
        long backoffMillis = 250;
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Supplier<TraceRecord> first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    List<Supplier<TraceRecord>> pending = new ArrayList<>(BATCH);
                    pending.add(first);
                    queue.drainTo(pending, BATCH - 1);
                    pending.forEach(p -> batch.add(p.get()));
                }
                store.insertBatch(batch);
                written.addAndGet(batch.size());
                batch.clear();
                backoffMillis = 250;
            } catch (SQLException e) {
                if (!running) {
                    LOG.warning("Shutting down with " + (batch.size() + queue.size()) + " trace rows unwritten: "
                            + e.getMessage());
                    return;
                }
                LOG.fine("Trace batch not written, retrying: " + e.getMessage());
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            } catch (InterruptedException e) {
                // Shutdown: loop once more to flush what is queued.
                running = false;
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
