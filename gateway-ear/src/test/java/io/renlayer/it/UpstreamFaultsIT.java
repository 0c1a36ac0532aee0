package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ten thousand calls that fail upstream in four ways: 5xx answers, streams that break off, a
 * refused connection and a timeout. Every caller gets a clear answer, every call is traced with
 * its cause, and the gateway holds no more threads or file descriptors afterwards than before.
 */
@ExtendWith(GatewayExtension.class)
class UpstreamFaultsIT {

    private static final int CONCURRENCY = 16;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private record Fault(String name, String key, String body, Map<String, String> headers, int calls) {}

    @Test
    void tenThousandFailedCallsAreAnsweredTracedAndLeakNothing(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        ResilienceIT.Bare failing = ResilienceIT.bareTenant(platform);
        ResilienceIT.upstream(
                platform, failing.tenantId(), "flaky", gateway.upstream.baseUrl(), "[\"*\"]", ",\"readTimeoutMs\":300");
        ResilienceIT.Bare unreachable = ResilienceIT.bareTenant(platform);
        ResilienceIT.upstream(platform, unreachable.tenantId(), "dead", ResilienceIT.deadBaseUrl(), "[\"*\"]", "");

        List<Fault> faults = List.of(
                new Fault("5xx", failing.key(), Proxy.userMessage("sim-error-500", "fail"), Map.of(), 5_000),
                new Fault(
                        "broken stream",
                        failing.key(),
                        "{\"model\":\"sim-broken-stream\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"a b c\"}]}",
                        Map.of(),
                        3_000),
                new Fault("refused", unreachable.key(), Proxy.userMessage("gpt-4o", "nobody home"), Map.of(), 1_900),
                new Fault(
                        "timeout",
                        failing.key(),
                        Proxy.userMessage("gpt-4o", "too slow"),
                        Map.of("x-sim-delay-ms", "1000"),
                        100));

        // Warm up every path at full concurrency first, so pools have their working size.
        Map<String, Integer> warmUp = run(
                gateway,
                faults.stream()
                        .map(f -> new Fault(f.name(), f.key(), f.body(), f.headers(), CONCURRENCY * 2))
                        .toList());
        Thread.sleep(2_000);
        Resources before = Resources.of(gateway.pid());

        Map<String, Integer> statuses = run(gateway, faults);

        // A broken stream is cut where it broke (200 and the events so far) or, when nothing had
        // been passed on yet, answered with a 502, or a 504 if it first went quiet for the read
        // timeout (300 ms here, which a loaded test machine sometimes takes).
        Map<String, Integer> brokenStreams = new TreeMap<>(statuses);
        int cut = Objects.requireNonNullElse(brokenStreams.remove("broken stream 200"), 0);
        int unsent = Objects.requireNonNullElse(brokenStreams.remove("broken stream 502"), 0)
                + Objects.requireNonNullElse(brokenStreams.remove("broken stream 504"), 0);
        assertThat(cut + unsent).as("statuses %s", statuses).isEqualTo(3_000);
        assertThat(cut).isGreaterThan(2_900);
        assertThat(brokenStreams)
                .containsExactlyInAnyOrderEntriesOf(Map.of("5xx 500", 5_000, "refused 502", 1_900, "timeout 504", 100));
        // Each call is traced with the cause its caller was told, warm-up calls included (some of
        // those may time out while the server is still cold).
        Map<String, Integer> told = new TreeMap<>(warmUp);
        statuses.forEach((k, v) -> told.merge(k, v, Integer::sum));
        assertThat(StoredTraces.total(told)).isEqualTo(10_000 + 4 * CONCURRENCY * 2);
        Map<String, Integer> expectedFailing = new TreeMap<>();
        Map<String, Integer> expectedUnreachable = new TreeMap<>();
        told.forEach((k, v) ->
                (k.startsWith("refused") ? expectedUnreachable : expectedFailing).merge(errorCode(k), v, Integer::sum));
        assertThat(StoredTraces.awaitByErrorCode(failing.tenantId(), StoredTraces.total(expectedFailing)))
                .isEqualTo(expectedFailing);
        assertThat(StoredTraces.awaitByErrorCode(unreachable.tenantId(), StoredTraces.total(expectedUnreachable)))
                .isEqualTo(expectedUnreachable);
        assertThat(expectedFailing.get("upstream_broke_off")).isGreaterThanOrEqualTo(3_000);

        Thread.sleep(2_000);
        Resources after = Resources.of(gateway.pid());
        System.out.printf("UpstreamFaultsIT: before the 10,000 failures %s, after %s%n", before, after);
        // A leak grows with the calls: one per failure would be thousands. The slack covers pool
        // connections and workers that come and go.
        assertThat(after.threads())
                .as("threads before %s, after %s", before, after)
                .isLessThan(before.threads() + 20);
        assertThat(after.fileDescriptors())
                .as("fds before %s, after %s", before, after)
                .isLessThan(before.fileDescriptors() + 2 * CONCURRENCY);
        assertThat(new Proxy(gateway)
                        .chat(failing.key(), Proxy.userMessage("gpt-4o", "healthy"))
                        .statusCode())
                .isEqualTo(200);
    }

    /** The error code a trace carries for what the caller was told ("fault status"). */
    private static String errorCode(String faultAndStatus) {
        return switch (faultAndStatus.substring(faultAndStatus.lastIndexOf(' ') + 1)) {
            case "500" -> "upstream_error";
            // A stream that breaks off before the gateway has passed any of it on is a 502.
            case "502" -> faultAndStatus.startsWith("broken stream") ? "upstream_broke_off" : "upstream_unreachable";
            case "504" -> "upstream_timeout";
            case "200" -> faultAndStatus.startsWith("broken stream") ? "upstream_broke_off" : "none";
            default -> "unexpected " + faultAndStatus;
        };
    }

    /** Runs the calls of every fault, interleaved, CONCURRENCY at a time; counts "fault status". */
    private Map<String, Integer> run(Gateway gateway, List<Fault> faults) throws Exception {
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        Semaphore slots = new Semaphore(CONCURRENCY);
        List<Future<?>> calls = new ArrayList<>();
        int longest = faults.stream().mapToInt(Fault::calls).max().orElse(0);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < longest; i++) {
                for (Fault fault : faults) {
                    if (i < fault.calls()) {
                        slots.acquire();
                        calls.add(clients.submit(() -> {
                            try {
                                int status = call(gateway, fault);
                                counts.computeIfAbsent(fault.name() + " " + status, k -> new AtomicInteger())
                                        .incrementAndGet();
                            } finally {
                                slots.release();
                            }
                            return null;
                        }));
                    }
                }
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }
        Map<String, Integer> result = new TreeMap<>();
        counts.forEach((k, v) -> result.put(k, v.get()));
        return result;
    }

    private int call(Gateway gateway, Fault fault) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + fault.key())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(fault.body()));
        fault.headers().forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            // Each failure answers in OpenAI's error shape, never with a stack trace.
            Platform.json(response.body()).getJsonObject("error").getString("message");
        }
        return response.statusCode();
    }

    /** What a leak would grow: the process's threads and open file descriptors (sockets included). */
    private record Resources(int threads, long fileDescriptors) {
        static Resources of(long pid) throws Exception {
            Path proc = Path.of("/proc", Long.toString(pid));
            int threads = Files.readAllLines(proc.resolve("status")).stream()
                    .filter(l -> l.startsWith("Threads:"))
                    .map(l -> Integer.parseInt(l.substring(8).trim()))
                    .findFirst()
                    .orElseThrow();
            try (var fds = Files.list(proc.resolve("fd"))) {
                return new Resources(threads, fds.count());
            }
        }
    }
}
