package io.renlayer.it;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Chat calls from a few concurrent clients, one after another, until stopped: the background
 * traffic that a fault is injected into. Remembers every answer's status and request id, so a test
 * can match what the clients were told against what the traces say.
 */
final class SteadyLoad implements AutoCloseable {

    /** What one call got back; a call that got no HTTP answer has status 0 and no request id. */
    record Answer(int status, String requestId) {}

    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    private SteadyLoad(List<Proxy> targets, String key, int concurrency) {
        AtomicInteger next = new AtomicInteger();
        for (int i = 0; i < concurrency; i++) {
            clients.submit(() -> {
                while (running) {
                    Proxy target = targets.get(Math.floorMod(next.getAndIncrement(), targets.size()));
                    answers.add(call(target, key));
                }
                return null;
            });
        }
    }

    static SteadyLoad start(List<Proxy> targets, String key, int concurrency) {
        return new SteadyLoad(targets, key, concurrency);
    }

    private static Answer call(Proxy target, String key) {
        try {
            HttpResponse<String> r = target.chat(key, Proxy.userMessage("gpt-4o", "steady load"));
            return new Answer(
                    r.statusCode(), r.headers().firstValue("x-request-id").orElse(null));
        } catch (Exception e) {
            return new Answer(0, null);
        }
    }

    int count() {
        return answers.size();
    }

    /** Waits until {@code calls} calls have been answered (or failed); a minute at most. */
    void awaitCalls(int calls) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (count() < calls) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + count() + " calls made, wanted " + calls);
            }
            Thread.sleep(20);
        }
    }

    /** Stops the clients, waits for the calls in flight, and returns every answer. */
    List<Answer> stop() throws InterruptedException {
        running = false;
        clients.shutdown();
        if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new AssertionError("load clients did not finish");
        }
        return List.copyOf(answers);
    }

    static Map<Integer, Long> byStatus(List<Answer> answers) {
        return answers.stream()
                .collect(Collectors.groupingBy(Answer::status, ConcurrentHashMap::new, Collectors.counting()));
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop();
        }
    }
}
