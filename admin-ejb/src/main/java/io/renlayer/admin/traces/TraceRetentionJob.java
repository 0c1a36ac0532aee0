package io.renlayer.admin.traces;

import io.renlayer.admin.db.DatabaseStartup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Runs {@link TraceRetention} shortly after start and then every hour, once the schema is ready. */
@Singleton
@Startup
@DependsOn("DatabaseStartup")
@TransactionManagement(TransactionManagementType.BEAN)
public class TraceRetentionJob {

    private static final Logger LOG = Logger.getLogger(TraceRetentionJob.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @EJB
    private DatabaseStartup database;

    @Inject
    private TraceRetention retention;

    private ScheduledFuture<?> schedule;

    @PostConstruct
    void start() {
        schedule = scheduler.scheduleWithFixedDelay(this::run, 10, 3600, TimeUnit.SECONDS);
    }

    private void run() {
        if (!database.isReady()) {
            return;
        }
        try {
            TraceRetention.Outcome outcome = retention.apply(LocalDate.now(ZoneOffset.UTC));
            if (!outcome.droppedDays().isEmpty() || outcome.deletedRows() > 0) {
                LOG.info("Trace retention: dropped the partitions of " + outcome.droppedDays() + ", deleted "
                        + outcome.deletedRows() + " rows past their tenant's retention");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warning("Trace retention did not run, next try in an hour: " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        schedule.cancel(false);
    }
}
