package io.renlayer.proxy.limits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/** Counters in Redis, shared by every gateway node: one Lua script per admission, one per settlement. */
public final class RedisLimitStore implements LimitStore {

    private static final String ADMIT = script("admit.lua");
    private static final String SETTLE = script("settle.lua");

    private final UnifiedJedis redis;
    private volatile String admitSha;
    private volatile String settleSha;

    public RedisLimitStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public Admission admit(AdmissionRequest request) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(request.nowMillis()));
        args.add(request.requestId());
        args.add(Long.toString(request.tokens()));
        args.add(Long.toString(request.costMicros()));
        CounterKeys.limits(request).forEach(l -> args.add(Long.toString(l)));
        List<?> reply = (List<?>) run(true, CounterKeys.of(request), args);
        if (((Long) reply.get(0)) == 1L) {
            return Admission.admitted(new Reservation(request, false, false));
        }
        int scope = ((Long) reply.get(1)).intValue();
        String rule = String.valueOf(reply.get(2));
        long retry = (Long) reply.get(5);
        return Admission.refused(new Refusal(
                request.scopes().get(scope).level(),
                rule,
                (Long) reply.get(3),
                (Long) reply.get(4),
                retry >= 0 ? retry : CounterKeys.untilBudgetRefills(rule, request.nowMillis())));
    }

    @Override
    public void settle(Reservation reservation, long actualTokens, long actualCostMicros) {
        AdmissionRequest request = reservation.request();
        List<String> allKeys = CounterKeys.of(request);
        List<Long> limits = CounterKeys.limits(request);
        List<String> keys = new ArrayList<>();
        List<String> deltas = new ArrayList<>();
        for (int i = 0; i < allKeys.size(); i++) {
            int counter = i % 4; // 0 requests (not settled), 1 tokens, 2 day, 3 month
            if (counter == 0 || limits.get(i) < 0) {
                continue;
            }
            keys.add(allKeys.get(i));
            deltas.add(Long.toString(
                    counter == 1 ? actualTokens - request.tokens() : actualCostMicros - request.costMicros()));
        }
        if (!keys.isEmpty()) {
            run(false, keys, deltas);
        }
    }

    private Object run(boolean admit, List<String> keys, List<String> args) {
        String sha = admit ? admitSha : settleSha;
        if (sha != null) {
            try {
                return redis.evalsha(sha, keys, args);
            } catch (JedisNoScriptException flushed) {
                // Redis restarted or was flushed: load the script again below.
            }
        }
        sha = redis.scriptLoad(admit ? ADMIT : SETTLE);
        if (admit) {
            admitSha = sha;
        } else {
            settleSha = sha;
        }
        return redis.evalsha(sha, keys, args);
    }

    private static String script(String name) {
        try (InputStream in = RedisLimitStore.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
