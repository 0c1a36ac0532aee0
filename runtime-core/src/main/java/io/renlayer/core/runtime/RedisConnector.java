package io.renlayer.core.runtime;

import io.renlayer.core.config.GatewaySettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The shared Redis client when {@code RENLAYER_REDIS_URL} is set: one server, a Sentinel-managed
 * primary or a Cluster ({@link RedisEndpoint}). Without it the gateway runs with in-process
 * counters (single node only), which is the embedded default.
 */
@ApplicationScoped
public class RedisConnector {

    private static final Logger LOG = Logger.getLogger(RedisConnector.class.getName());

    private UnifiedJedis client;

    @PostConstruct
    void connect() {
        Optional<String> url = GatewaySettings.redisUrl();
        if (url.isEmpty()) {
            return;
        }
        RedisEndpoint endpoint = RedisEndpoint.parse(url.get());
        client = switch (endpoint.kind()) {
            case STANDALONE ->
                RedisClient.builder()
                        .hostAndPort(endpoint.nodes().iterator().next())
                        .clientConfig(config(endpoint))
                        .poolConfig(pool())
                        .build();
            case SENTINEL ->
                RedisSentinelClient.builder()
                        .masterName(endpoint.primaryName())
                        .sentinels(endpoint.nodes())
                        .clientConfig(config(endpoint))
                        .poolConfig(pool())
                        .sentinelClientConfig(config(endpoint))
                        .build();
            case CLUSTER ->
                RedisClusterClient.builder()
                        .nodes(endpoint.nodes())
                        .clientConfig(config(endpoint))
                        .poolConfig(pool())
                        .build();
        };
        LOG.info("Limit counters in Redis: " + endpoint);
    }

    /** Per server (per node, in a cluster). A call never waits long for a connection: it fails per the limits' fail mode. */
    private static ConnectionPoolConfig pool() {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        int size = GatewaySettings.redisPoolSize();
        pool.setMaxTotal(size);
        pool.setMaxIdle(size); // an idle connection closed under load is one reconnect later
        pool.setMinIdle(Math.min(8, size));
        pool.setMaxWait(Duration.ofSeconds(1));
        return pool;
    }

    private static JedisClientConfig config(RedisEndpoint endpoint) {
        return DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(1000)
                .socketTimeoutMillis(1000)
                .user(endpoint.user())
                .password(endpoint.password())
                .ssl(endpoint.tls())
                .build();
    }

    /** The client, or empty in in-process mode. */
    public Optional<UnifiedJedis> client() {
        return Optional.ofNullable(client);
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
