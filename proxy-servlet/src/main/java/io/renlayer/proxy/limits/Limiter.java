package io.renlayer.proxy.limits;

import io.renlayer.core.runtime.RedisConnector;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Admits calls against the shared counters in Redis, or in process when no Redis is configured.
 * While Redis is away, a fail-open tenant is admitted on this node's own counters (its traces say
 * so) and a fail-closed tenant is refused; Redis coming back needs nothing but the next call.
 */
@ApplicationScoped
public class Limiter {

    private static final Logger LOG = Logger.getLogger(Limiter.class.getName());

    @Inject
    private RedisConnector redis;

    /** After Redis fails, calls skip it for this long instead of each waiting on it. */
    static final long REDIS_BACKOFF_MILLIS = 1_000;

    private LimitStore shared;
    private final LocalLimitStore local = new LocalLimitStore();
    private volatile long redisSkippedUntil;

    @PostConstruct
    void init() {
        shared = redis.client().<LimitStore>map(RedisLimitStore::new).orElse(local);
    }

    /**
     * @throws LimitsUnavailableException when Redis is away and the tenant fails closed
     */
    public Admission admit(AdmissionRequest request, boolean failOpen) {
        if (System.currentTimeMillis() >= redisSkippedUntil) {
            try {
                return admitShared(request);
            } catch (JedisException redisAway) {
                redisSkippedUntil = System.currentTimeMillis() + REDIS_BACKOFF_MILLIS;
                LOG.fine("Redis unavailable, using each tenant's fail mode for a while: " + redisAway.getMessage());
            }
        }
        if (!failOpen) {
            throw new LimitsUnavailableException();
        }
        Admission fallback = local.admit(request);
        return fallback.isAdmitted() ? Admission.admitted(new Reservation(request, true, true)) : fallback;
    }

    /** Once more on failure: a pooled connection may be stale after Redis restarted. */
    private Admission admitShared(AdmissionRequest request) {
        try {
            return shared.admit(request);
        } catch (JedisConnectionException stale) {
            return shared.admit(request);
        }
    }

    public void settle(Reservation reservation, long actualTokens, long actualCostMicros) {
        try {
            (reservation.local() ? local : shared).settle(reservation, actualTokens, actualCostMicros);
        } catch (JedisException redisAway) {
            // The estimate stays counted: conservative, and the window or day ends soon enough.
            LOG.fine("could not settle a reservation, Redis is away: " + redisAway.getMessage());
        }
    }

    /** Redis is configured but cannot be reached, and the tenant refuses to go on without it. */
    public static final class LimitsUnavailableException extends RuntimeException {
        LimitsUnavailableException() {
            super("limit counters unavailable", null, false, false);
        }
    }
}
