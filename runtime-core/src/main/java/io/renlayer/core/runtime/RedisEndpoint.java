package io.renlayer.core.runtime;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import redis.clients.jedis.HostAndPort;

/**
 * {@code RENLAYER_REDIS_URL} read: one server ({@code redis://} or, with TLS, {@code rediss://}),
 * a Sentinel-watched primary ({@code redis-sentinel://s1:26379,s2:26379/primaryName}) or a Redis
 * Cluster ({@code redis-cluster://n1:6379,n2:6379}); credentials as {@code user:password@}.
 * The counters' keys carry the tenant as a hash tag, so a Cluster keeps each tenant's counters,
 * and the scripts that touch them, on one shard.
 */
public record RedisEndpoint(
        Kind kind, Set<HostAndPort> nodes, String primaryName, String user, String password, boolean tls) {

    public enum Kind {
        STANDALONE,
        SENTINEL,
        CLUSTER
    }

    public static RedisEndpoint parse(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalArgumentException("RENLAYER_REDIS_URL needs a scheme: redis://, rediss://, "
                    + "redis-sentinel:// or redis-cluster://");
        }
        String scheme = url.substring(0, schemeEnd);
        String rest = url.substring(schemeEnd + 3);
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String[] credentials = rest.substring(0, at).split(":", 2);
            user = credentials[0].isEmpty() ? null : decode(credentials[0]);
            password = credentials.length == 2 ? decode(credentials[1]) : null;
            rest = rest.substring(at + 1);
        }
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        Kind kind = switch (scheme) {
            case "redis", "rediss" -> Kind.STANDALONE;
            case "redis-sentinel" -> Kind.SENTINEL;
            case "redis-cluster" -> Kind.CLUSTER;
            default -> throw new IllegalArgumentException("Unknown scheme in RENLAYER_REDIS_URL: " + scheme);
        };
        int defaultPort = kind == Kind.SENTINEL ? 26379 : 6379;
        Set<HostAndPort> nodes = new LinkedHashSet<>();
        for (String node : hosts.split(",")) {
            if (!node.isBlank()) {
                URI parsed = URI.create("redis://" + node.strip());
                nodes.add(new HostAndPort(parsed.getHost(), parsed.getPort() > 0 ? parsed.getPort() : defaultPort));
            }
        }
        if (nodes.isEmpty() || (kind == Kind.STANDALONE && nodes.size() > 1)) {
            throw new IllegalArgumentException("RENLAYER_REDIS_URL names " + nodes.size() + " servers; "
                    + (kind == Kind.STANDALONE ? "redis:// takes one" : "at least one is needed"));
        }
        if (kind == Kind.SENTINEL && path.isBlank()) {
            throw new IllegalArgumentException("redis-sentinel:// needs the primary's name as its path");
        }
        return new RedisEndpoint(
                kind, Set.copyOf(nodes), kind == Kind.SENTINEL ? path : null, user, password, scheme.equals("rediss"));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** For logs: never the credentials. */
    @Override
    public String toString() {
        return kind + " " + nodes + (primaryName == null ? "" : " primary " + primaryName) + (tls ? " (TLS)" : "");
    }
}
