package io.renlayer.proxy.limits;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Counter names, four per scope: the requests of the last minute, the tokens of the current
 * minute, and the spend of the current UTC day and month. The tenant id is a Redis Cluster hash tag,
 * so all counters of one call live on one shard and one script can touch them all.
 */
final class CounterKeys {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("yyyyMM").withZone(ZoneOffset.UTC);

    private CounterKeys() {}

    static List<String> of(AdmissionRequest request) {
        Instant now = Instant.ofEpochMilli(request.nowMillis());
        long minute = request.nowMillis() / 60_000;
        List<String> keys = new ArrayList<>(request.scopes().size() * 4);
        for (LimitScope scope : request.scopes()) {
            String base = "rl:{" + request.tenantId() + "}:" + scope.level() + ":" + scope.id();
            keys.add(base + ":rpm");
            keys.add(base + ":tpm:" + minute);
            keys.add(base + ":day:" + DAY.format(now));
            keys.add(base + ":month:" + MONTH.format(now));
        }
        return keys;
    }

    /** The four limits of each scope in key order, budgets in micro-dollars, -1 for none. */
    static List<Long> limits(AdmissionRequest request) {
        List<Long> limits = new ArrayList<>(request.scopes().size() * 4);
        for (LimitScope scope : request.scopes()) {
            var l = scope.limits();
            limits.add(
                    l.requestsPerMinute() == null ? -1 : l.requestsPerMinute().longValue());
            limits.add(l.tokensPerMinute() == null ? -1 : l.tokensPerMinute());
            limits.add(l.dailyBudgetUsd() == null ? -1 : Micros.of(l.dailyBudgetUsd()));
            limits.add(l.monthlyBudgetUsd() == null ? -1 : Micros.of(l.monthlyBudgetUsd()));
        }
        return limits;
    }

    /** Milliseconds until the next UTC midnight or first of the month: when a budget refills. */
    static long untilBudgetRefills(String rule, long nowMillis) {
        var now = Instant.ofEpochMilli(nowMillis).atZone(ZoneOffset.UTC);
        var next = rule.equals("monthly_budget")
                ? now.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC)
                : now.toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC);
        return next.toInstant().toEpochMilli() - nowMillis;
    }
}
