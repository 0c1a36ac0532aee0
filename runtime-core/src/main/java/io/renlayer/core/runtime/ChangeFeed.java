package io.renlayer.core.runtime;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Relays PostgreSQL {@code NOTIFY renlayer_changes} to in-memory caches, so a change made through
 * any node (or by SQL) reaches every node's cache within a second. Each notification is read as a
 * {@link Change}. After a reconnect subscribers get {@link Change#EVERYTHING}, because
 * notifications sent while disconnected are lost.
 */
@ApplicationScoped
public class ChangeFeed {

    public static final String CHANNEL = "renlayer_changes";

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class.getName());

    @Resource(lookup = "jdbc/renlayerDirect")
    private DataSource dataSource;

    @Resource
    private ManagedThreadFactory threads;

    private final List<Consumer<Change>> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread listener;

    public void subscribe(Consumer<Change> subscriber) {
        subscribers.add(subscriber);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        listener = threads.newThread(
                new SurvivingLoop("Change feed", () -> running, this::listenOnce, Duration.ofSeconds(1)));
        listener.setName("renlayer-change-feed");
        listener.setDaemon(true);
        listener.start();
    }

    @PreDestroy
    public synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** One connection's life: listens until it is lost (the loop then connects again) or the feed stops. */
    private void listenOnce() {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement st = connection.createStatement()) {
                st.execute("LISTEN " + CHANNEL);
            }
            publish(Change.EVERYTHING);
            PGConnection pg = connection.unwrap(PGConnection.class);
            while (running) {
                PGNotification[] batch = pg.getNotifications(500);
                if (batch != null) {
                    for (PGNotification n : batch) {
                        Change.parse(n.getParameter())
                                .ifPresentOrElse(
                                        this::publish, () -> LOG.fine("change feed: a notification of no known topic"));
                    }
                }
            }
        } catch (SQLException e) {
            if (running) {
                LOG.log(Level.FINE, "change feed lost its connection; reconnecting", e);
                pause();
            }
        }
    }

    private void publish(Change change) {
        for (Consumer<Change> subscriber : subscribers) {
            try {
                subscriber.accept(change);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a change subscriber failed", e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
