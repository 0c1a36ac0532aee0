package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two gateway servers sharing PostgreSQL and Redis behind HAProxy, as production scales out:
 * limits and budgets hold exactly across them, a change made through one server applies on the
 * other within a second, and a server stopped under load loses no trace of a call it answered
 * while the balancer goes on serving.
 */
@ExtendWith(GatewayExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static Gateway.Node second;
    private static LoadBalancer balancer;

    @BeforeAll
    static void startSecondServerAndBalancer(Gateway gateway) throws Exception {
        second = gateway.startSecondNode();
        balancer = LoadBalancer.start(
                gateway.balancerPort,
                List.of(
                        new LoadBalancer.Backend(gateway.proxyPort, gateway.controlPort),
                        new LoadBalancer.Backend(second.proxyPort, second.controlPort)));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (balancer != null) {
                balancer.close();
            }
        } finally {
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    @Order(1)
    void aRateLimitAdmitsExactlyItsCallsAcrossServers(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        LimitsIT.limitKey(platform, t, "{\"limits\":{\"requestsPerMinute\":50}}");
        Proxy first = new Proxy(gateway);
        Proxy other = new Proxy(second.proxyUrl());
        first.awaitStatus(t.key(), 200); // the limit has reached both servers' caches: 48 calls left
        other.awaitStatus(t.key(), 200);

        Map<Integer, Long> statuses = concurrently(new Proxy(balancer.url()), t.key(), 200);

        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(200, 48L, 429, 152L));
    }

    @Test
    @Order(2)
    void aDailyBudgetIsSpentExactlyOnceAcrossServers(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        LimitsIT.limitKey(platform, t, "{\"limits\":{\"dailyBudgetUsd\":0.001}}");
        // As in LimitsIT: each call reserves 22.5 µ$ and costs 47.5 µ$, settled before the next
        // call. Twenty-one calls spend 997.5 µ$; a 22nd would need 1,020. Round robin sends them
        // to both servers in turn.
        String body =
                "{\"model\":\"gpt-4o\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"budget probe words\"}]}";
        new Proxy(gateway).awaitStatus(t.key(), body, 200);
        new Proxy(second.proxyUrl()).awaitStatus(t.key(), body, 200);
        Proxy viaBalancer = new Proxy(balancer.url());

        int admitted = 2;
        HttpResponse<String> last = viaBalancer.chat(t.key(), body);
        while (last.statusCode() == 200 && admitted < 100) {
            admitted++;
            last = viaBalancer.chat(t.key(), body);
        }

        assertThat(admitted)
                .as("calls admitted; the call after them answered %d %s", last.statusCode(), last.body())
                .isEqualTo(21);
        assertThat(Platform.json(last.body()).getJsonObject("error").getString("code"))
                .isEqualTo("budget_exceeded");
        for (Proxy node : List.of(new Proxy(gateway), new Proxy(second.proxyUrl()))) {
            assertThat(node.chat(t.key(), body).statusCode()).isEqualTo(429);
        }
    }

    @Test
    @Order(3)
    void aKeyRevokedThroughOneServerIsRefusedByBothWithinASecond(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        Proxy first = new Proxy(gateway);
        Proxy other = new Proxy(second.proxyUrl());
        first.awaitStatus(t.key(), 200); // both servers have the key cached
        other.awaitStatus(t.key(), 200);

        HttpResponse<String> revoked =
                platform.post("/api/v1/tenants/" + t.tenantId() + "/keys/" + t.keyId() + "/revoke", "");
        long revokedAt = System.nanoTime();
        assertThat(revoked.statusCode()).isEqualTo(200);

        for (Proxy node : List.of(first, other)) {
            HttpResponse<String> last = untilStatusOrASecondAfter(revokedAt, node, t.key(), 401);
            assertThat(last.statusCode()).as("refused within a second").isEqualTo(401);
            assertThat(last.body()).contains("key_revoked");
        }
    }

    @Test
    @Order(4)
    void aPolicyCreatedThroughOneServerDeniesOnTheOtherWithinASecond(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        Proxy other = new Proxy(second.proxyUrl());
        other.awaitStatus(t.key(), 200); // the second server has the tenant's (empty) policy set cached

        PolicyIT.policy(platform, t, "{\"name\":\"stop\",\"action\":\"DENY\"}");
        HttpResponse<String> last = untilStatusOrASecondAfter(System.nanoTime(), other, t.key(), 403);
        assertThat(last.statusCode())
                .as("denied on the other server within a second")
                .isEqualTo(403);
        assertThat(last.body()).contains("policy_denied");
    }

    @Test
    @Order(5)
    void stoppingAServerUnderLoadLosesNoAnsweredCallsTraceAndTheBalancerKeepsServing(Gateway gateway) throws Exception {
        Platform.TestTenant t = new Platform(gateway).newTenant();
        new Proxy(gateway).awaitStatus(t.key(), 200);
        new Proxy(second.proxyUrl()).awaitStatus(t.key(), 200);

        List<SteadyLoad.Answer> answers;
        int afterStop;
        try (SteadyLoad load = SteadyLoad.start(List.of(new Proxy(balancer.url())), t.key(), 8)) {
            load.awaitCalls(200);
            // SIGTERM, as an orchestrator stops a server: Liberty shuts down and the trace writer
            // stores (or spools) what it holds.
            new ProcessBuilder("kill", "-TERM", Long.toString(second.pid()))
                    .start()
                    .waitFor();
            load.awaitCalls(load.count() + 300);
            afterStop = load.count();
            answers = load.stop();
        }

        Map<Integer, Long> statuses = SteadyLoad.byStatus(answers);
        long failed = answers.size() - statuses.getOrDefault(200, 0L);
        // Calls in flight on the stopping server may fail; HAProxy sends new ones elsewhere at once.
        assertThat(failed).as("answers %s", statuses).isLessThanOrEqualTo(8);
        assertThat(answers.subList(Math.max(0, afterStop - 100), afterStop))
                .as("the last hundred calls, all on the remaining server")
                .allMatch(a -> a.status() == 200);

        Map<String, Long> answered = answers.stream()
                .map(SteadyLoad.Answer::requestId)
                .filter(Objects::nonNull)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        Map<String, Integer> stored = StoredTraces.await(t.tenantId(), answered.size() + 2);
        for (String requestId : answered.keySet()) {
            assertThat(stored.get(requestId))
                    .as("trace of answered call %s", requestId)
                    .isEqualTo(1);
        }
        // Beyond the answered calls and the two readiness calls: calls that failed (the stopping
        // server may have carried them out), and calls the balancer resent.
        assertThat((long) StoredTraces.total(stored))
                .isLessThanOrEqualTo(answered.size() + 2 + failed + balancer.resentCalls());
    }

    /** Calls until the answer has the status, or until a second has passed since {@code changedAt}. */
    private static HttpResponse<String> untilStatusOrASecondAfter(long changedAt, Proxy node, String key, int status)
            throws Exception {
        HttpResponse<String> last = node.chat(key, Proxy.userMessage("gpt-4o", "changed yet?"));
        while (last.statusCode() != status && System.nanoTime() - changedAt < 1_000_000_000L) {
            Thread.sleep(20);
            last = node.chat(key, Proxy.userMessage("gpt-4o", "changed yet?"));
        }
        return last;
    }

    private static Map<Integer, Long> concurrently(Proxy proxy, String key, int calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < calls; i++) {
                futures.add(clients.submit(() -> {
                    start.await();
                    return proxy.chat(key, Proxy.userMessage("gpt-4o", "scale out"))
                            .statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        }
    }
}
