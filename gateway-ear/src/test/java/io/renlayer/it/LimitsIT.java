package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Limits hold exactly under concurrency, against the real Redis. */
@ExtendWith(GatewayExtension.class)
class LimitsIT {

    @Test
    void withNRequestsPerMinuteExactlyNOf200ConcurrentCallsSucceed(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        limitKey(platform, t, "{\"limits\":{\"requestsPerMinute\":25}}");
        new Proxy(gateway).awaitStatus(t.key(), 200); // the cached key now carries its limit (one call spent)

        List<HttpResponse<String>> responses = burst(gateway, t.key(), 200, "burst");

        assertThat(responses.stream().filter(r -> r.statusCode() == 200)).hasSize(24);
        List<HttpResponse<String>> limited =
                responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(limited).hasSize(176);
        HttpResponse<String> one = limited.get(0);
        assertThat(one.headers().firstValue("x-ratelimit-limit-requests")).hasValue("25");
        assertThat(one.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");
        assertThat(Long.parseLong(one.headers().firstValue("retry-after").orElseThrow()))
                .isBetween(1L, 60L);
        JsonObject error = Platform.json(one.body()).getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("rate_limit_exceeded");
        assertThat(error.getString("param")).isEqualTo("key.requests_per_minute");
    }

    @Test
    void aDailyBudgetIsNeverOverspentByMoreThanInFlightReservations(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        // gpt-4o: $2.50 in / $10 out per Mtok. Each call reserves its estimate: ceil(18 chars / 4) = 5
        // prompt tokens and max_tokens = 1 → 22.5 µ$; it really uses 3 + 4 tokens → 47.5 µ$.
        // So each call in flight may overrun its reservation by 25 µ$, and no more.
        limitKey(platform, t, "{\"limits\":{\"dailyBudgetUsd\":0.001}}");
        String body =
                "{\"model\":\"gpt-4o\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"budget probe words\"}]}";
        Proxy proxy = new Proxy(gateway);
        HttpResponse<String> first = proxy.chat(t.key(), body);
        for (int i = 0; i < 50 && first.statusCode() != 200; i++) { // wait for the limit to reach the cache
            Thread.sleep(100);
            first = proxy.chat(t.key(), body);
        }

        int concurrency = 40;
        List<HttpResponse<String>> responses = burst(gateway, t.key(), concurrency, null, body);
        HttpResponse<String> after = proxy.chat(t.key(), body);

        BigDecimal spent = totalCost(platform, t.tenantId());
        BigDecimal budget = new BigDecimal("0.001");
        BigDecimal overrunPerCall = new BigDecimal("0.000025");
        assertThat(spent).isLessThanOrEqualTo(budget.add(overrunPerCall.multiply(BigDecimal.valueOf(concurrency))));
        assertThat(spent).isGreaterThan(budget.subtract(new BigDecimal("0.0001"))); // the budget was really used
        assertThat(responses.stream().filter(r -> r.statusCode() == 429)).isNotEmpty();
        assertThat(after.statusCode()).isEqualTo(429);
        assertThat(Platform.json(after.body()).getJsonObject("error").getString("code"))
                .isEqualTo("budget_exceeded");
        assertThat(after.headers().firstValue("x-ratelimit-limit-budget-usd")).hasValue("0.001000");
    }

    @Test
    void anAgentsLimitIsSharedByAllItsKeys(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        String secondKey = Platform.json(platform.post(
                                "/api/v1/tenants/" + t.tenantId() + "/keys",
                                "{\"agentId\":\"" + t.agentId() + "\",\"name\":\"second\"}")
                        .body())
                .getString("key");
        HttpResponse<String> patched = platform.patch(
                "/api/v1/tenants/" + t.tenantId() + "/agents/" + t.agentId(), "{\"limits\":{\"requestsPerMinute\":6}}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        Proxy proxy = new Proxy(gateway);
        proxy.awaitStatus(t.key(), 200); // warm both caches with the limit: 2 of 6 spent
        proxy.awaitStatus(secondKey, 200);

        List<HttpResponse<String>> first = burst(gateway, t.key(), 20, "agent limit");
        List<HttpResponse<String>> second = burst(gateway, secondKey, 20, "agent limit");

        long ok = first.stream().filter(r -> r.statusCode() == 200).count()
                + second.stream().filter(r -> r.statusCode() == 200).count();
        assertThat(ok).isEqualTo(4);
        HttpResponse<String> refused =
                second.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertThat(Platform.json(refused.body()).getJsonObject("error").getString("param"))
                .isEqualTo("agent.requests_per_minute");
    }

    @Test
    void tokensPerMinuteReserveTheEstimateAndCountTheRealUsage(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        limitKey(platform, t, "{\"limits\":{\"tokensPerMinute\":100}}");
        // Each call reserves ceil(4 chars / 4) + max_tokens 40 = 41 tokens and really uses 1 + 2 = 3.
        String body =
                "{\"model\":\"gpt-4o\",\"max_tokens\":40,\"messages\":[{\"role\":\"user\",\"content\":\"abcd\"}]}";
        Proxy proxy = new Proxy(gateway);
        while (System.currentTimeMillis() % 60_000 > 45_000) { // the window is per minute: stay inside one
            Thread.sleep(200);
        }
        int admitted = 0;
        HttpResponse<String> last;
        do {
            last = proxy.chat(t.key(), body);
            admitted += last.statusCode() == 200 ? 1 : 0;
        } while (last.statusCode() == 200 && admitted < 40);

        // Settled calls count 3 tokens each: refused once 3 * n + 41 > 100, i.e. after 20 calls.
        // Without settlement only 2 would pass (41 + 41 <= 100); without reservation, 33.
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(Platform.json(last.body()).getJsonObject("error").getString("param"))
                .isEqualTo("key.tokens_per_minute");
        assertThat(last.headers().firstValue("x-ratelimit-limit-tokens")).hasValue("100");
        assertThat(admitted).isBetween(20, 21); // 21 if the first call ran before the new limit reached the cache
    }

    @Test
    void eachTraceCarriesItsCost(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();

        HttpResponse<String> response = new Proxy(gateway).chat(t.key(), Proxy.userMessage("gpt-4o-mini", "price me"));

        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        JsonObject trace = platform.awaitTrace(t.tenantId(), tr -> requestId.equals(tr.getString("requestId")));
        // gpt-4o-mini: $0.15 / $0.60 per Mtok; 2 prompt + 3 completion tokens = 0.3 + 1.8 µ$ → 3 µ$ (rounded up)
        assertThat(trace.getJsonNumber("costUsd").bigDecimalValue()).isEqualByComparingTo("0.000003");
    }

    @Test
    void anOperatorsPriceChangeReachesTheNextTracesCost(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        String model = "house-model-" + System.nanoTime();
        HttpResponse<String> set =
                platform.send(HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/api/v1/prices"))
                        .header("Authorization", "Bearer " + gateway.operatorToken)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"modelPattern\":\"" + model
                                + "\",\"inputUsdPerMtok\":100,\"outputUsdPerMtok\":1000}")));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(platform.get("/api/v1/prices").body()).contains(model);

        JsonObject trace = null;
        for (int i = 0;
                i < 50
                        && (trace == null
                                || trace.getJsonNumber("costUsd")
                                                .bigDecimalValue()
                                                .signum()
                                        == 0);
                i++) { // an unpriced model costs 0 until the new price reaches the cache (NOTIFY)
            HttpResponse<String> call = new Proxy(gateway).chat(t.key(), Proxy.userMessage(model, "two words"));
            String id = call.headers().firstValue("x-request-id").orElseThrow();
            trace = platform.awaitTrace(t.tenantId(), tr -> id.equals(tr.getString("requestId")));
            Thread.sleep(100);
        }
        // 2 prompt tokens × $100 + 3 completion tokens × $1000 per Mtok = 3200 µ$
        assertThat(trace.getJsonNumber("costUsd").bigDecimalValue()).isEqualByComparingTo("0.0032");
    }

    static void limitKey(Platform platform, Platform.TestTenant t, String patch) throws Exception {
        HttpResponse<String> patched = platform.patch("/api/v1/tenants/" + t.tenantId() + "/keys/" + t.keyId(), patch);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    }

    static List<HttpResponse<String>> burst(Gateway gateway, String key, int calls, String content) throws Exception {
        return burst(gateway, key, calls, content, Proxy.userMessage("gpt-4o", content));
    }

    /** Fires the calls at once, from as many threads, and returns every answer. */
    static List<HttpResponse<String>> burst(Gateway gateway, String key, int calls, String unused, String body)
            throws Exception {
        Proxy proxy = new Proxy(gateway);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < calls; i++) {
                futures.add(clients.submit(() -> {
                    start.await();
                    return proxy.chat(key, body);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                responses.add(f.get());
            }
            return responses;
        }
    }

    private static BigDecimal totalCost(Platform platform, String tenantId) throws Exception {
        Thread.sleep(1500); // let the trace writer catch up
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonValue v : platform.traces(tenantId)) {
            JsonObject trace = v.asJsonObject();
            if (trace.containsKey("costUsd")) {
                sum = sum.add(trace.getJsonNumber("costUsd").bigDecimalValue());
            }
        }
        return sum;
    }
}
