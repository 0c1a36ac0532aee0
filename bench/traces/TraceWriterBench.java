import io.renlayer.core.traces.TraceFinding;
import io.renlayer.core.traces.TracePolicy;
import io.renlayer.core.traces.TraceRecord;
import io.renlayer.core.traces.TraceStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * How many trace rows per second the gateway's trace writer stores: the same TraceStore.insertBatch
 * the writer thread calls, with the writer's batch size (1,000), one thread, rows shaped like real
 * ones (findings, a policy, redacted request and response bodies of about 1.5 KiB together).
 *
 *   java -cp <runtime-core classes and dependencies> bench/traces/TraceWriterBench.java JDBC_URL ROWS [no-bodies] [replayed]
 *
 * "replayed" measures the spool replay path instead (TraceStore.insertReplayed: staging table and
 * ON CONFLICT DO NOTHING), which the writer takes only after a database outage.
 */
public class TraceWriterBench {

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        dataSource.setUser("postgres");
        int rows = Integer.parseInt(args[1]);
        List<String> options = List.of(args).subList(2, args.length);
        boolean bodies = !options.contains("no-bodies");
        boolean replayed = options.contains("replayed");
        TraceStore store = new TraceStore(oneKeptConnection(dataSource));
        List<UUID> tenants = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tenants.add(UUID.randomUUID());
        }
        store.insertBatch(batch(tenants, 1_000, bodies)); // partitions, connections, JIT
        long started = System.nanoTime();
        for (int written = 0; written < rows; written += 1_000) {
            if (replayed) {
                store.insertReplayed(batch(tenants, 1_000, bodies));
            } else {
                store.insertBatch(batch(tenants, 1_000, bodies));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%d rows %s%s in %.1f s: %,.0f rows/s%n", rows,
                bodies ? "with redacted bodies" : "without bodies", replayed ? ", replayed" : "", seconds, rows / seconds);
    }

    /**
     * The gateway's writer takes a connection from Liberty's pool, which keeps it open from batch
     * to batch. PGSimpleDataSource opens a new one on every call: a backend forked, authenticated
     * and its catalog caches filled per batch, which is not what is measured here.
     */
    private static DataSource oneKeptConnection(PGSimpleDataSource source) throws Exception {
        Connection kept = source.getConnection();
        Connection unclosable = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getName().equals("close")
                        ? null : invoke(method, kept, args));
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> method.getName().equals("getConnection") ? unclosable : invoke(method, source, args));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the SQLException itself, as the driver threw it
        }
    }

    private static List<TraceRecord> batch(List<UUID> tenants, int size, boolean bodies) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<TraceRecord> batch = new ArrayList<>(size);
        String request = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + "Summarise the incident report for [EMAIL_ADDRESS_1] and list the follow-ups. ".repeat(12) + "\"}]}";
        String response = "{\"choices\":[{\"message\":{\"content\":\"" + "The service recovered after the rollback. ".repeat(10)
                + "\"}}],\"usage\":{\"prompt_tokens\":250,\"completion_tokens\":90}}";
        for (int i = 0; i < size; i++) {
            batch.add(TraceRecord.of(UUID.randomUUID(), Instant.now(), tenants.get(random.nextInt(tenants.size())),
                            "req_" + Long.toHexString(random.nextLong()))
                    .caller(UUID.randomUUID(), UUID.randomUUID(), null)
                    .upstream(UUID.randomUUID())
                    .call("/v1/chat/completions", "POST", "openai", "gpt-4o-mini", false)
                    .ended(200, null, 12, 9)
                    .tokens(250, 90, 340)
                    .findings(List.of(new TraceFinding("renlayer-pii", "EMAIL_ADDRESS", 61, 80, 0.95)), List.of())
                    .costUsd(new BigDecimal("0.00009150"))
                    .flags(List.of("dlp"))
                    .policies(List.of(new TracePolicy("flag-pii", "FLAG", "request", "EMAIL_ADDRESS")), "FLAG")
                    .session("sess_" + random.nextInt(1000))
                    .bodies(bodies ? request : null, bodies ? response : null)
                    .build());
        }
        return batch;
    }
}
