package io.renlayer.proxy.limits;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The same counters in this process: the embedded default (no Redis configured), and what a
 * fail-open tenant falls back to while Redis is away. Exact on one node; each node counts alone.
 */
public final class LocalLimitStore implements LimitStore {

    private static final int MAX_COUNTERS = 100_000;

    private final Map<String, Deque<Long>> requests = new HashMap<>();
    private final Map<String, Long> counters = new HashMap<>();

    @Override
    public synchronized Admission admit(AdmissionRequest request) {
        List<String> keys = CounterKeys.of(request);
        List<Long> limits = CounterKeys.limits(request);
        long now = request.nowMillis();
        for (int s = 0; s < request.scopes().size(); s++) {
            int k = s * 4;
            if (limits.get(k) >= 0) {
                Deque<Long> times = requests.computeIfAbsent(keys.get(k), x -> new ArrayDeque<>());
                while (!times.isEmpty() && times.peekFirst() <= now - 60_000) {
                    times.pollFirst();
                }
                if (times.size() >= limits.get(k)) {
                    long retry = times.isEmpty() ? 1000 : Math.max(times.peekFirst() + 60_000 - now, 1);
                    return refuse(request, s, "requests_per_minute", limits.get(k), 0, retry);
                }
            }
            Refusal refusal = overdraw(
                    request, s, keys, limits, k + 1, "tokens_per_minute", request.tokens(), 60_000 - now % 60_000);
            if (refusal == null) {
                refusal = overdraw(request, s, keys, limits, k + 2, "daily_budget", request.costMicros(), -1);
            }
            if (refusal == null) {
                refusal = overdraw(request, s, keys, limits, k + 3, "monthly_budget", request.costMicros(), -1);
            }
            if (refusal != null) {
                return Admission.refused(refusal);
            }
        }
        if (counters.size() > MAX_COUNTERS) {
            counters.clear(); // old windows only; a rare, conservative reset beats unbounded memory
        }
        for (int s = 0; s < request.scopes().size(); s++) {
            int k = s * 4;
            if (limits.get(k) >= 0) {
                requests.get(keys.get(k)).addLast(now);
            }
            add(keys, limits, k + 1, request.tokens());
            add(keys, limits, k + 2, request.costMicros());
            add(keys, limits, k + 3, request.costMicros());
        }
        return Admission.admitted(new Reservation(request, true, false));
    }

    @Override
    public synchronized void settle(Reservation reservation, long actualTokens, long actualCostMicros) {
        AdmissionRequest request = reservation.request();
        List<String> keys = CounterKeys.of(request);
        List<Long> limits = CounterKeys.limits(request);
        for (int s = 0; s < request.scopes().size(); s++) {
            int k = s * 4;
            add(keys, limits, k + 1, actualTokens - request.tokens());
            add(keys, limits, k + 2, actualCostMicros - request.costMicros());
            add(keys, limits, k + 3, actualCostMicros - request.costMicros());
        }
    }

    private Refusal overdraw(
            AdmissionRequest request,
            int scope,
            List<String> keys,
            List<Long> limits,
            int k,
            String rule,
            long amount,
            long retry) {
        long limit = limits.get(k);
        if (limit < 0) {
            return null;
        }
        long used = counters.getOrDefault(keys.get(k), 0L);
        if (used + amount <= limit) {
            return null;
        }
        return new Refusal(
                request.scopes().get(scope).level(),
                rule,
                limit,
                Math.max(limit - used, 0),
                retry >= 0 ? retry : CounterKeys.untilBudgetRefills(rule, request.nowMillis()));
    }

    private Admission refuse(AdmissionRequest request, int scope, String rule, long limit, long remaining, long retry) {
        return Admission.refused(new Refusal(request.scopes().get(scope).level(), rule, limit, remaining, retry));
    }

    private void add(List<String> keys, List<Long> limits, int k, long delta) {
        if (limits.get(k) >= 0 && delta != 0) {
            counters.merge(keys.get(k), delta, Long::sum);
        }
    }
}
