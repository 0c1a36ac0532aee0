package io.renlayer.proxy.forward;

import io.renlayer.core.config.GatewaySettings;
import io.renlayer.core.net.OutboundAddresses;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The blocking HTTP/1.1 clients the gateway forwards with, one per distinct connect timeout (the
 * pool sets it per connection). Each call sends and reads on its own virtual thread, so a call
 * crosses no selector thread and no task queue of the client's; blocking there is cheap.
 * The minimal client does no redirects, retries, cookies, authentication or decompression: the
 * gateway relays bytes and decides about retries itself. It connects only where the outbound
 * policy allows ({@link GuardedDnsResolver}). Pooled connections are reused newest
 * first, so after a burst the surplus idles out and is closed by a sweep.
 */
final class UpstreamClients implements AutoCloseable {

    /** A connection unused this long is closed: below the idle timeout of common providers' servers. */
    private static final TimeValue IDLE_CLOSE = TimeValue.ofSeconds(30);
    /** Before reusing a connection idle this long, check that the upstream has not closed it. */
    private static final TimeValue VALIDATE_AFTER = TimeValue.ofSeconds(2);

    /** Every connection's address is checked against the outbound policy (never the gateway itself). */
    private static final GuardedDnsResolver RESOLVER = new GuardedDnsResolver(OutboundAddresses.configured());

    private final Map<Integer, Pooled> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("renlayer-upstream-idle").unstarted(task));

    private record Pooled(CloseableHttpClient client, PoolingHttpClientConnectionManager connections) {}

    UpstreamClients() {
        sweeper.scheduleWithFixedDelay(this::closeIdle, 10, 10, TimeUnit.SECONDS);
        loadTheNewConnectionPath();
    }

    /**
     * Loads, here and once, the classes an attempt on a new connection needs that no pooled call
     * loads. Left to the first such attempts they were loaded under load, from many calls at once:
     * a servlet thread loading one held Liberty's class-loading lock while it waited for the
     * application's jar, which a call's virtual thread held; the two carrier threads were pinned
     * by calls waiting for that class (a virtual thread that waits in class loading keeps its
     * carrier), so the jar's holder never ran again and every forwarding thread stopped
     * (UpstreamFaultsIT, 10,000 failing calls, a thread dump of the hung server).
     */
    private static void loadTheNewConnectionPath() {
        try (CloseableHttpClient client = oneNewConnection(1_000);
                BasicHttpClientConnectionManager connection = newConnection(1_000)) {
            // A lease request is made, not served: nothing connects anywhere.
            connection.lease("warm-up", new HttpRoute(new HttpHost("http", "localhost", 80)), null);
        } catch (IOException e) {
            // Closing clients that never connected; nothing to do.
        }
    }

    CloseableHttpClient forConnectTimeout(int connectTimeoutMs) {
        return clients.computeIfAbsent(connectTimeoutMs, UpstreamClients::create)
                .client();
    }

    private static Pooled create(int connectTimeoutMs) {
        // Each call in flight holds at most one connection, and calls in flight are bounded by
        // shedding: so the pool never makes a call wait for a connection.
        int bound = (int) Math.min(Integer.MAX_VALUE, GatewaySettings.maxInFlightCalls());
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setConnPoolPolicy(PoolReusePolicy.LIFO)
                .setMaxConnTotal(bound)
                .setMaxConnPerRoute(bound)
                .setDefaultConnectionConfig(connectionConfig(connectTimeoutMs))
                .setDnsResolver(RESOLVER)
                .build();
        return new Pooled(HttpClients.createMinimal(connections), connections);
    }

    /**
     * A client of one new connection, closed with the client. For an attempt that must not draw
     * from the pool: after the upstream turned out to have closed a pooled connection, the
     * connections pooled beside it were likely closed at the same moment (an idle sweep, a cap
     * on idle connections, a restart), and each would fail the same way.
     */
    static CloseableHttpClient oneNewConnection(int connectTimeoutMs) {
        return HttpClients.createMinimal(newConnection(connectTimeoutMs));
    }

    private static BasicHttpClientConnectionManager newConnection(int connectTimeoutMs) {
        BasicHttpClientConnectionManager connection = BasicHttpClientConnectionManager.create(
                DefaultSchemePortResolver.INSTANCE,
                RESOLVER,
                RegistryBuilder.<TlsSocketStrategy>create()
                        .register("https", DefaultClientTlsStrategy.createDefault())
                        .build(),
                ManagedHttpClientConnectionFactory.INSTANCE);
        connection.setConnectionConfig(connectionConfig(connectTimeoutMs));
        return connection;
    }

    private static ConnectionConfig connectionConfig(int connectTimeoutMs) {
        return ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMs))
                .setValidateAfterInactivity(VALIDATE_AFTER)
                .build();
    }

    private void closeIdle() {
        clients.values().forEach(pooled -> pooled.connections().closeIdle(IDLE_CLOSE));
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        clients.values().forEach(pooled -> pooled.client().close(CloseMode.IMMEDIATE));
    }
}
