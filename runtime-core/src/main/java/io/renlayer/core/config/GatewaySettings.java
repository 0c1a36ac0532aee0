package io.renlayer.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The gateway's own settings, read through MicroProfile Config (environment variables,
 * {@code bootstrap.properties}, system properties). Names match the environment variables
 * documented in the README.
 */
public final class GatewaySettings {

    private GatewaySettings() {}

    /**
     * True when no external database is configured: the gateway then runs its own embedded
     * PostgreSQL. Read from the environment directly because server.xml gives the same name a
     * default value (the embedded URL) that MicroProfile Config would also report.
     */
    public static boolean embeddedDatabase() {
        return System.getenv("RENLAYER_DB_URL") == null && System.getProperty("RENLAYER_DB_URL") == null;
    }

    public static int embeddedDatabasePort() {
        return Integer.parseInt(value("RENLAYER_EMBEDDED_DB_PORT").orElse("54329"));
    }

    /** Data directory of the embedded database; relative paths are under the server's output dir. */
    public static Path embeddedDatabaseDir() {
        return Path.of(value("RENLAYER_EMBEDDED_DB_DIR").orElse("embedded-postgres"))
                .toAbsolutePath();
    }

    /**
     * How far the gateway's clock may disagree with an identity provider's about a token's expiry
     * and not-before, in seconds.
     */
    public static Duration oauthClockSkew() {
        return Duration.ofSeconds(
                Long.parseLong(value("RENLAYER_OAUTH_CLOCK_SKEW_SECONDS").orElse("30")));
    }

    /**
     * The identity provider whose people may act as operators (their access tokens on the
     * operator plane), by its issuer; none by default, and then only operator tokens do.
     */
    public static Optional<String> operatorIssuer() {
        return value("RENLAYER_OPERATOR_OIDC_ISSUER").filter(s -> !s.isBlank());
    }

    /** What the operators' access tokens must name in {@code aud}. */
    public static String operatorAudience() {
        return value("RENLAYER_OPERATOR_OIDC_AUDIENCE").orElse("renlayer");
    }

    /** The claim holding the operators' groups (a dotted path reads a nested claim). */
    public static String operatorGroupsClaim() {
        return value("RENLAYER_OPERATOR_OIDC_GROUPS_CLAIM").orElse("groups");
    }

    /** The group of the operators' provider whose members are operators. */
    public static String operatorGroup() {
        return value("RENLAYER_OPERATOR_OIDC_GROUP").orElse("renlayer-operators");
    }

    /** The largest request body the proxy accepts; larger ones get 413 before anything is forwarded. */
    public static int maxRequestBytes() {
        return Integer.parseInt(value("RENLAYER_MAX_REQUEST_BYTES").orElse(Integer.toString(10 << 20)));
    }

    /** The largest request body the control listener (API and console) reads; larger ones get 413. */
    public static int maxControlBodyBytes() {
        return Integer.parseInt(value("RENLAYER_MAX_CONTROL_BODY_BYTES").orElse(Integer.toString(1 << 20)));
    }

    /**
     * Networks outside the public internet that upstreams, services and MCP servers may be on
     * (comma-separated CIDR blocks, e.g. {@code 10.20.0.0/16,127.0.0.1/32}); none by default.
     */
    public static List<String> outboundAllowedNetworks() {
        return value("RENLAYER_OUTBOUND_ALLOWED_NETWORKS").stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .filter(s -> !s.isBlank())
                .toList();
    }

    /** The ports of the gateway's own listeners, which it never connects to on a tenant's behalf. */
    public static Set<Integer> ownPorts() {
        return Set.of(
                Integer.parseInt(value("RENLAYER_PROXY_PORT").orElse("8080")),
                Integer.parseInt(value("RENLAYER_CONTROL_PORT").orElse("8081")));
    }

    /** Where trace rows wait on local disk while the database is away; relative to the server's output dir. */
    public static Path traceSpoolDir() {
        return Path.of(value("RENLAYER_TRACE_SPOOL_DIR").orElse("trace-spool")).toAbsolutePath();
    }

    /**
     * How long the trace writer may go without storing a row while rows wait before {@code /readyz}
     * reports it: past this, traces are not being kept, whatever the reason.
     */
    public static Duration traceWriterStallBound() {
        return Duration.ofSeconds(
                Long.parseLong(value("RENLAYER_TRACE_WRITER_STALL_SECONDS").orElse("60")));
    }

    /**
     * Bytes of request and response bodies that queued trace rows may hold until the writer
     * redacts them; past this, rows are queued without bodies (flag {@code trace_bodies_skipped}).
     */
    public static long traceQueueBodyBytes() {
        return Long.parseLong(value("RENLAYER_TRACE_QUEUE_BODY_BYTES").orElse(Long.toString(128L << 20)));
    }

    /** Calls one server works on at once; past it, calls are refused with 503 and Retry-After. */
    public static long maxInFlightCalls() {
        return Long.parseLong(value("RENLAYER_MAX_IN_FLIGHT_CALLS").orElse("2048"));
    }

    /**
     * Calls a servlet thread may forward itself, waiting for the upstream, instead of handing them
     * to a virtual thread; the others (and every stream) go to virtual threads. 0 sends all there.
     */
    public static int inlineCalls() {
        return Integer.parseInt(value("RENLAYER_INLINE_CALLS")
                .orElse(Integer.toString(Runtime.getRuntime().availableProcessors())));
    }

    /** Request body bytes (as declared by Content-Length) of the calls in flight; past it, 503. */
    public static long maxInFlightBytes() {
        return Long.parseLong(value("RENLAYER_MAX_IN_FLIGHT_BYTES").orElse(Long.toString(64L << 20)));
    }

    /** {@code redis://host:port}; when absent, counters stay in process. */
    public static Optional<String> redisUrl() {
        return value("RENLAYER_REDIS_URL").filter(s -> !s.isBlank());
    }

    /**
     * Connections to Redis per gateway server. Every admitted call borrows one, on the request
     * thread; too few and calls queue for a connection under load (Jedis's default is 8).
     */
    public static int redisPoolSize() {
        return Integer.parseInt(value("RENLAYER_REDIS_POOL_SIZE").orElse("64"));
    }

    /** Base64 of the 32-byte key that encrypts upstream credentials at rest. */
    public static Optional<String> masterKey() {
        return value("RENLAYER_MASTER_KEY").filter(s -> !s.isBlank());
    }

    public static Path masterKeyFile() {
        return Path.of(value("RENLAYER_MASTER_KEY_FILE").orElse("renlayer-master.key"))
                .toAbsolutePath();
    }

    public static Optional<String> bootstrapOperatorToken() {
        return value("RENLAYER_BOOTSTRAP_OPERATOR_TOKEN").filter(s -> !s.isBlank());
    }

    /** How long a platform JWT lives; sign-in may ask for less, never more. */
    public static Duration jwtLifetime() {
        return Duration.ofSeconds(
                Long.parseLong(value("RENLAYER_JWT_TTL_SECONDS").orElse("900")));
    }

    /** How long one key signs platform JWTs before a new one takes over. */
    public static Duration jwtKeyRotation() {
        return Duration.ofHours(
                Long.parseLong(value("RENLAYER_JWT_KEY_ROTATION_HOURS").orElse("24")));
    }

    private static Optional<String> value(String name) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class);
    }
}
