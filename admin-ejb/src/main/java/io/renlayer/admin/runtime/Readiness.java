package io.renlayer.admin.runtime;

import io.renlayer.admin.db.DatabaseStartup;
import io.renlayer.core.runtime.RedisConnector;
import io.renlayer.core.traces.TraceWriterWatch;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Checks the dependencies the gateway needs to serve: PostgreSQL, Redis when configured, and
 * the trace writer (a gateway that serves calls but keeps no record of them is not ready).
 */
@ApplicationScoped
public class Readiness {

    @Resource(lookup = "jdbc/renlayerDirect")
    private DataSource dataSource;

    @EJB
    private DatabaseStartup database;

    @Inject
    private RedisConnector redis;

    @Inject
    private TraceWriterWatch traceWriter;

    /** One entry per dependency, each with a status of {@code up}, {@code down} or {@code in-process}. */
    public Report check() {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("postgres", postgres());
        checks.put("redis", redis());
        checks.put("traces", traces());
        return new Report(checks.values().stream().allMatch(Check::ready), checks);
    }

    private Check postgres() {
        if (!database.isReady()) {
            return new Check(false, "down", "schema not migrated yet");
        }
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2) ? new Check(true, "up", null) : new Check(false, "down", "connection invalid");
        } catch (SQLException e) {
            return new Check(false, "down", "unreachable");
        }
    }

    private Check traces() {
        if (traceWriter.stalled()) {
            return new Check(
                    false,
                    "stalled",
                    "no trace row stored for " + traceWriter.stalledSeconds() + " s while rows wait (bound "
                            + traceWriter.bound().toSeconds() + " s)");
        }
        long deadLettered = traceWriter.deadLetteredRows();
        return new Check(
                true, "up", deadLettered == 0 ? null : deadLettered + " rows set aside in the spool's dead-letter/");
    }

    private Check redis() {
        if (redis.client().isEmpty()) {
            return new Check(true, "in-process", "RENLAYER_REDIS_URL not set: counters are local to this node");
        }
        try {
            UnifiedJedis client = redis.client().get();
            return "PONG".equals(client.ping()) ? new Check(true, "up", null) : new Check(false, "down", "bad reply");
        } catch (JedisException e) {
            return new Check(false, "down", "unreachable");
        }
    }

    public record Report(boolean ready, Map<String, Check> checks) {}

    public record Check(boolean ready, String status, String detail) {}
}
