import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: request i is sent at start + i / rate, whether or not earlier ones
 * have come back, and its latency counts from that planned moment. Closed-loop tools (a fixed
 * number of clients, each waiting for its answer, like hey's -q) send in bursts and hide queueing
 * behind a slow answer; wrk2 does this properly but is not packaged by Debian.
 *
 *   java bench/proxy/OpenLoop.java URL RATE SECONDS BODY_FILE ['Name: value|Name: value']
 *
 * Prints "p50_ms p99_ms sent_per_s non_200"; the first second is warm-up and not counted. Past a
 * target's capacity the backlog (and the latency) grows for as long as the run lasts, as it would
 * for real callers.
 */
public class OpenLoop {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        byte[] body = Files.readAllBytes(Path.of(args[3]));
        String[] headers = args.length > 4 && !args[4].isBlank() ? args[4].split("\\|") : new String[0];

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder template = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : headers) {
            int colon = header.indexOf(':');
            template.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        HttpRequest request = template.build();

        int warmUp = rate;
        int total = rate * (seconds + 1);
        long[] latencies = new long[total];
        AtomicInteger failures = new AtomicInteger();
        CompletableFuture<?>[] calls = new CompletableFuture<?>[total];
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (int i = 0; i < total; i++) {
            long planned = start + i * intervalNanos;
            long wait;
            while ((wait = planned - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            calls[i] = client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                latencies[index] = System.nanoTime() - planned;
                if (error != null || response.statusCode() != 200) {
                    failures.incrementAndGet();
                }
                return null;
            });
        }
        long sendingEnded = System.nanoTime();
        CompletableFuture.allOf(calls).get(60, TimeUnit.SECONDS);

        long[] measured = Arrays.copyOfRange(latencies, warmUp, total);
        Arrays.sort(measured);
        double sentPerSecond = total / ((sendingEnded - start) / 1e9);
        System.out.printf("%.2f %.2f %.0f %d%n", millis(measured, 0.50), millis(measured, 0.99), sentPerSecond,
                failures.get());
        client.close();
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1e6;
    }
}
