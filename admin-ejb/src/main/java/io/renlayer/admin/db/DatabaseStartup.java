package io.renlayer.admin.db;

import io.renlayer.core.config.GatewaySettings;
import io.renlayer.core.runtime.ChangeFeed;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database up before anything uses it: starts the embedded PostgreSQL when no external
 * one is configured, runs the Flyway migrations, announces {@link SchemaReady} (the first operator
 * token is made then) and starts the change feed. When the database is not reachable yet the server still starts (and reports
 * unready); the sequence is retried until it succeeds.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseStartup {

    private static final Logger LOG = Logger.getLogger(DatabaseStartup.class.getName());

    @Resource(lookup = "jdbc/renlayerDirect")
    private DataSource dataSource;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private Event<SchemaReady> schemaReady;

    @Inject
    private ChangeFeed changeFeed;

    private EmbeddedDatabase embedded;
    private ScheduledFuture<?> retry;
    private volatile boolean ready;

    @PostConstruct
    void start() {
        if (GatewaySettings.embeddedDatabase()) {
            embedded = EmbeddedDatabase.start();
        }
        if (!bringUp()) {
            retry = scheduler.scheduleWithFixedDelay(this::retry, 2, 2, TimeUnit.SECONDS);
        }
    }

    /** True once the schema is current and the operator token exists. */
    public boolean isReady() {
        return ready;
    }

    private void retry() {
        if (bringUp() && retry != null) {
            retry.cancel(false);
        }
    }

    private synchronized boolean bringUp() {
        if (ready) {
            return true;
        }
        try {
            var result = Flyway.configure(DatabaseStartup.class.getClassLoader())
                    .dataSource(dataSource)
                    .schemas("renlayer")
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.info("Schema renlayer is at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                    + " migrations applied now)");
            schemaReady.fire(new SchemaReady()); // the first operator token, for one
            changeFeed.start();
            ready = true;
            return true;
        } catch (RuntimeException e) {
            LOG.warning("Database not ready, retrying in 2 s: " + e.getMessage());
            return false;
        }
    }

    @PreDestroy
    void stop() {
        if (retry != null) {
            retry.cancel(false);
        }
        changeFeed.stop();
        if (embedded != null) {
            embedded.close();
        }
    }
}
