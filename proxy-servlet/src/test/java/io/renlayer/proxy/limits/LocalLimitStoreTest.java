package io.renlayer.proxy.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.core.limits.Limits;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalLimitStoreTest {

    private static final long T0 = 1_800_000_000_000L;
    private final LocalLimitStore store = new LocalLimitStore();

    @Test
    void admitsExactlyTheRequestsPerMinuteUnderConcurrency() throws Exception {
        Limits limits = new Limits(25, null, null, null);
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 200; i++) {
                int n = i;
                pool.submit(() -> {
                    start.await();
                    if (store.admit(request("key", limits, T0 + n % 10, 0, 0, "r" + n))
                            .isAdmitted()) {
                        admitted.incrementAndGet();
                    }
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(admitted.get()).isEqualTo(25);
    }

    @Test
    void theWindowSlides() {
        Limits two = new Limits(2, null, null, null);
        assertThat(store.admit(request("k", two, T0, 0, 0, "a")).isAdmitted()).isTrue();
        assertThat(store.admit(request("k", two, T0 + 30_000, 0, 0, "b")).isAdmitted())
                .isTrue();
        Admission third = store.admit(request("k", two, T0 + 59_999, 0, 0, "c"));
        assertThat(third.isAdmitted()).isFalse();
        assertThat(third.refusal().rule()).isEqualTo("requests_per_minute");
        assertThat(third.refusal().retryAfterMillis()).isEqualTo(1);
        assertThat(store.admit(request("k", two, T0 + 60_000, 0, 0, "d")).isAdmitted())
                .isTrue();
    }

    @Test
    void budgetsReserveTheEstimateAndSettleToTheRealCost() {
        Limits dollar = new Limits(null, null, new BigDecimal("0.000100"), null); // 100 micro-dollars
        Admission first = store.admit(request("k", dollar, T0, 10, 60, "a"));
        assertThat(first.isAdmitted()).isTrue();
        Admission second = store.admit(request("k", dollar, T0, 10, 60, "b"));
        assertThat(second.isAdmitted()).isFalse(); // 60 reserved + 60 > 100
        assertThat(second.refusal().rule()).isEqualTo("daily_budget");
        assertThat(second.refusal().remaining()).isEqualTo(40);

        store.settle(first.reservation(), 8, 30); // it really cost 30
        assertThat(store.admit(request("k", dollar, T0, 10, 60, "c")).isAdmitted())
                .isTrue(); // 30 + 60 <= 100
    }

    @Test
    void aRefusalAtOneScopeReservesNothingAtTheOthers() {
        AdmissionRequest blocked = new AdmissionRequest(
                "t",
                List.of(
                        new LimitScope("tenant", "t", new Limits(10, null, null, null)),
                        new LimitScope("key", "k", new Limits(0 + 1, null, null, null))),
                "x",
                T0,
                0,
                0);
        assertThat(store.admit(blocked).isAdmitted()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(store.admit(new AdmissionRequest("t", blocked.scopes(), "y" + i, T0, 0, 0))
                            .isAdmitted())
                    .isFalse();
        }
        // The tenant scope counted only the one admitted call: another key still has 9 to go.
        AdmissionRequest otherKey = new AdmissionRequest(
                "t", List.of(new LimitScope("tenant", "t", new Limits(10, null, null, null))), "z", T0, 0, 0);
        for (int i = 0; i < 9; i++) {
            assertThat(store.admit(otherKey).isAdmitted()).isTrue();
        }
        assertThat(store.admit(otherKey).isAdmitted()).isFalse();
    }

    private static AdmissionRequest request(String key, Limits limits, long now, long tokens, long cost, String id) {
        return new AdmissionRequest("t", List.of(new LimitScope("key", key, limits)), id, now, tokens, cost);
    }
}
