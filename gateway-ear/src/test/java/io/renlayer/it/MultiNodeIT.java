package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two gateway servers sharing PostgreSQL and Redis hold one limit between them. */
@ExtendWith(GatewayExtension.class)
class MultiNodeIT {

    @Test
    void twoNodesSharingRedisAdmitExactlyNBetweenThem(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        LimitsIT.limitKey(platform, t, "{\"limits\":{\"requestsPerMinute\":30}}");

        try (Gateway.Node second = gateway.startSecondNode()) {
            Proxy first = new Proxy(gateway);
            Proxy other = new Proxy(second.proxyUrl());
            first.awaitStatus(t.key(), 200);  // one call on each node: 28 left
            other.awaitStatus(t.key(), 200);

            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> calls = new ArrayList<>();
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 200; i++) {
                    Proxy node = i % 2 == 0 ? first : other;
                    calls.add(clients.submit(() -> {
                        start.await();
                        return node.chat(t.key(), Proxy.userMessage("gpt-4o", "two nodes")).statusCode();
                    }));
                }
                start.countDown();
                int ok = 0;
                int limited = 0;
                for (Future<Integer> call : calls) {
                    int status = call.get();
                    ok += status == 200 ? 1 : 0;
                    limited += status == 429 ? 1 : 0;
                }
                assertThat(ok).isEqualTo(28);
                assertThat(limited).isEqualTo(172);
            }
        }
    }

    @Test
    void aPolicyCreatedThroughOneNodeDeniesOnTheOtherWithinASecond(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        try (Gateway.Node second = gateway.startSecondNode()) {
            Proxy other = new Proxy(second.proxyUrl());
            other.awaitStatus(t.key(), 200); // the second node has the tenant's (empty) policy set cached

            PolicyIT.policy(platform, t, "{\"name\":\"stop\",\"action\":\"DENY\"}");
            long createdAt = System.nanoTime();
            HttpResponse<String> last = null;
            while (System.nanoTime() - createdAt < 1_000_000_000L) {
                last = other.chat(t.key(), Proxy.userMessage("gpt-4o", "still allowed?"));
                if (last.statusCode() == 403) {
                    break;
                }
                Thread.sleep(20);
            }
            assertThat(last.statusCode()).as("denied on the other node within a second").isEqualTo(403);
            assertThat(last.body()).contains("policy_denied");
        }
    }
}
