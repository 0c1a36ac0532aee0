package io.renlayer.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

class RedisEndpointTest {

    @Test
    void oneServerWithOrWithoutTlsAndCredentials() {
        RedisEndpoint plain = RedisEndpoint.parse("redis://127.0.0.1:6380");
        assertThat(plain.kind()).isEqualTo(RedisEndpoint.Kind.STANDALONE);
        assertThat(plain.nodes()).containsExactly(new HostAndPort("127.0.0.1", 6380));
        assertThat(plain.tls()).isFalse();

        RedisEndpoint secure = RedisEndpoint.parse("rediss://gateway:p%40ss@redis.internal");
        assertThat(secure.nodes()).containsExactly(new HostAndPort("redis.internal", 6379));
        assertThat(secure.user()).isEqualTo("gateway");
        assertThat(secure.password()).isEqualTo("p@ss");
        assertThat(secure.tls()).isTrue();
        assertThat(secure.toString()).doesNotContain("p@ss");
    }

    @Test
    void sentinelsAndTheirPrimary() {
        RedisEndpoint e = RedisEndpoint.parse("redis-sentinel://:secret@s1,s2:26380,s3/renlayer-primary");
        assertThat(e.kind()).isEqualTo(RedisEndpoint.Kind.SENTINEL);
        assertThat(e.nodes())
                .containsExactlyInAnyOrder(
                        new HostAndPort("s1", 26379), new HostAndPort("s2", 26380), new HostAndPort("s3", 26379));
        assertThat(e.primaryName()).isEqualTo("renlayer-primary");
        assertThat(e.user()).isNull();
        assertThat(e.password()).isEqualTo("secret");
    }

    @Test
    void clusterSeedNodes() {
        RedisEndpoint e = RedisEndpoint.parse("redis-cluster://n1:7000,n2:7001");
        assertThat(e.kind()).isEqualTo(RedisEndpoint.Kind.CLUSTER);
        assertThat(e.nodes()).hasSize(2);
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> RedisEndpoint.parse("127.0.0.1:6379")).hasMessageContaining("scheme");
        assertThatThrownBy(() -> RedisEndpoint.parse("memcached://x")).hasMessageContaining("Unknown scheme");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://a,b")).hasMessageContaining("takes one");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis-sentinel://s1:26379"))
                .hasMessageContaining("primary");
    }
}
