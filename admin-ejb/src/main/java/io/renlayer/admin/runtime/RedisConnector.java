package io.renlayer.admin.runtime;

import io.renlayer.admin.config.GatewaySettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * The shared Redis client when {@code RENLAYER_REDIS_URL} is set. Without it the gateway runs with
 * in-process counters (single node only), which is the embedded default.
 */
@ApplicationScoped
public class RedisConnector {

    private RedisClient client;

    @PostConstruct
    void connect() {
        Optional<String> url = GatewaySettings.redisUrl();
        if (url.isEmpty()) {
            return;
        }
        URI uri = URI.create(url.get());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(1000)
                .socketTimeoutMillis(1000);
        if (uri.getUserInfo() != null) {
            String[] userAndPassword = uri.getUserInfo().split(":", 2);
            if (userAndPassword.length == 2) {
                config.user(userAndPassword[0].isEmpty() ? null : userAndPassword[0]).password(userAndPassword[1]);
            }
        }
        client = RedisClient.builder()
                .hostAndPort(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379)
                .clientConfig(config.build())
                .build();
    }

    /** The client, or empty in in-process mode. */
    public Optional<RedisClient> client() {
        return Optional.ofNullable(client);
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
