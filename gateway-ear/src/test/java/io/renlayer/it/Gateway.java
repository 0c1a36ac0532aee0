package io.renlayer.it;

import io.renlayer.sim.UpstreamSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.RedisClient;

/**
 * The real gateway for end-to-end tests: the Liberty server laid out by the build, with the EAR,
 * running against the machine's PostgreSQL (in a fresh database, through a {@link CuttableTcpLink})
 * and Redis, forwarding to an {@link UpstreamSimulator}. Started once per test run.
 */
final class Gateway implements AutoCloseable {

    static final String UPSTREAM_CREDENTIAL = "sk-sim-upstream-credential-7f3a";
    static final String DATABASE = "renlayer_it";
    /** The request body limit the test server runs with: small enough to exceed cheaply. */
    static final int MAX_REQUEST_BYTES = 2 << 20;
    /** Room for one call near the size limit and some small ones, so a test can fill it. */
    static final long MAX_IN_FLIGHT_BYTES = 3L << 20;
    /** Calls the test server's servlet threads may forward themselves at once. */
    static final int INLINE_CALLS = 2;

    private static final String PG_HOST = env("RENLAYER_IT_PG_HOST", "127.0.0.1");
    private static final int PG_PORT = Integer.parseInt(env("RENLAYER_IT_PG_PORT", "5432"));
    static final String PG_USER = env("RENLAYER_IT_PG_USER", "postgres");
    static final URI REDIS = URI.create(env("RENLAYER_IT_REDIS_URL", "redis://127.0.0.1:6379"));

    final UpstreamSimulator upstream;
    final CuttableTcpLink databaseLink;
    final CuttableTcpLink redisLink;
    final int proxyPort;
    final int controlPort;
    final String operatorToken;
    /** Where a test's load balancer listens; the servers accept calls addressed to it. */
    final int balancerPort;
    /** Where IdentityIT's Keycloak listens: its realm is the operators' identity provider. */
    final int identityProviderPort;

    private final Path wlp;
    private final String serverName;
    private Map<String, String> environment;
    private final List<Path> installedPlugins = new ArrayList<>();

    private Gateway(
            UpstreamSimulator upstream,
            CuttableTcpLink databaseLink,
            CuttableTcpLink redisLink,
            int proxyPort,
            int controlPort,
            String operatorToken,
            Path wlp,
            String serverName) {
        this.upstream = upstream;
        this.databaseLink = databaseLink;
        this.redisLink = redisLink;
        this.proxyPort = proxyPort;
        this.controlPort = controlPort;
        this.operatorToken = operatorToken;
        this.balancerPort = freePortOrZero();
        this.identityProviderPort = freePortOrZero();
        this.wlp = wlp;
        this.serverName = serverName;
    }

    static Gateway start() throws Exception {
        Path wlp = Path.of(System.getProperty("renlayer.server.dir", "target/liberty/wlp"));
        String serverName = System.getProperty("renlayer.server.name", "renlayer");
        if (!Files.isDirectory(wlp.resolve("usr/servers").resolve(serverName))) {
            throw new IllegalStateException("No Liberty server at " + wlp + "; run the package phase first");
        }
        recreateDatabase();
        UpstreamSimulator upstream = UpstreamSimulator.start(0, UPSTREAM_CREDENTIAL);
        CuttableTcpLink link = new CuttableTcpLink(PG_HOST, PG_PORT);
        CuttableTcpLink redisLink = new CuttableTcpLink(REDIS.getHost(), REDIS.getPort());
        flushLimitCounters();
        String token = "rop_it_" + random(24);
        Gateway gateway = new Gateway(upstream, link, redisLink, freePort(), freePort(), token, wlp, serverName);
        try {
            gateway.launch();
        } catch (Exception | AssertionError e) {
            gateway.close(); // never leave a half-started server behind for the next build
            throw e;
        }
        return gateway;
    }

    String proxyUrl() {
        return "http://127.0.0.1:" + proxyPort;
    }

    String controlUrl() {
        return "http://127.0.0.1:" + controlPort;
    }

    /** JDBC to the gateway's database, bypassing the link, for test setup and assertions. */
    static Connection database() throws SQLException {
        return DriverManager.getConnection(databaseUrl(DATABASE), PG_USER, "");
    }

    private void launch() throws Exception {
        server("stop", Map.of()); // a server left over from an aborted run
        environment = Map.ofEntries(
                Map.entry("RENLAYER_PROXY_HOST", "127.0.0.1"),
                Map.entry("RENLAYER_PROXY_PORT", Integer.toString(proxyPort)),
                Map.entry("RENLAYER_CONTROL_HOST", "127.0.0.1"),
                Map.entry("RENLAYER_CONTROL_PORT", Integer.toString(controlPort)),
                Map.entry("RENLAYER_DB_URL", "jdbc:postgresql://127.0.0.1:" + databaseLink.port() + "/" + DATABASE),
                Map.entry("RENLAYER_DB_USER", PG_USER),
                Map.entry("RENLAYER_REDIS_URL", "redis://127.0.0.1:" + redisLink.port()),
                Map.entry("RENLAYER_MAX_REQUEST_BYTES", Integer.toString(MAX_REQUEST_BYTES)),
                Map.entry("RENLAYER_MAX_IN_FLIGHT_BYTES", Long.toString(MAX_IN_FLIGHT_BYTES)),
                Map.entry("RENLAYER_INLINE_CALLS", Integer.toString(INLINE_CALLS)),
                // The port a load balancer in front of the servers listens on (ScaleOutIT).
                Map.entry("RENLAYER_PROXY_PUBLIC_ALIAS", "*:" + balancerPort),
                Map.entry("RENLAYER_BOOTSTRAP_OPERATOR_TOKEN", operatorToken),
                // The simulator and the tests' own servers are on loopback; nothing else is.
                Map.entry("RENLAYER_OUTBOUND_ALLOWED_NETWORKS", "127.0.0.1/32"),
                // Short, so that a test sees a stalled trace writer in /readyz without a minute's wait.
                Map.entry("RENLAYER_TRACE_WRITER_STALL_SECONDS", "5"),
                // Exact expiry, so that IdentityIT sees a token refused a second after it expired.
                Map.entry("RENLAYER_OAUTH_CLOCK_SKEW_SECONDS", "0"),
                Map.entry(
                        "RENLAYER_OPERATOR_OIDC_ISSUER",
                        "http://127.0.0.1:" + identityProviderPort + "/realms/" + Keycloak.REALM),
                Map.entry("RENLAYER_MASTER_KEY", Base64.getEncoder().encodeToString(randomBytes(32))));
        startServer();
    }

    /** Stops and starts the server with the same settings, as an operator does after adding a plugin. */
    void restart() throws Exception {
        server("stop", Map.of());
        startServer();
    }

    /**
     * Puts a plugin jar into the running server's plugins/ directory the way docs/plugins.md tells
     * operators to: copied beside it under another name, then moved in at once, so the gateway
     * never reads half a jar. It is removed again when the run ends, so test plugins never reach a
     * server started later from the same build.
     */
    void installPlugin(Path jar) throws IOException {
        installPlugin(jar, jar.getFileName().toString());
    }

    void installPlugin(Path jar, String name) throws IOException {
        Path target = pluginsDirectory().resolve(name);
        Path staged = pluginsDirectory().resolve(name + ".part");
        Files.copy(jar, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        installedPlugins.add(target);
    }

    void removePlugin(String name) throws IOException {
        Files.deleteIfExists(pluginsDirectory().resolve(name));
    }

    private Path pluginsDirectory() {
        return wlp.resolve("usr/servers").resolve(serverName).resolve("plugins");
    }

    /** Stops the server the way an operator or an orchestrator does (its shutdown runs). */
    void stopServer() throws Exception {
        server("stop", Map.of());
    }

    /** Starts the stopped server with its settings and waits until it is ready. */
    void startServer() throws Exception {
        int exit = server("start", environment);
        if (exit != 0) {
            throw new IllegalStateException("Liberty did not start (exit " + exit + "); see " + logs());
        }
        awaitReady(Duration.ofSeconds(120));
    }

    void awaitReady(Duration timeout) throws Exception {
        awaitReady(controlUrl(), timeout);
    }

    private void awaitReady(String controlUrl, Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = client.send(
                        HttpRequest.newBuilder(URI.create(controlUrl + "/readyz"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The gateway was not ready within " + timeout + "; see " + logs());
    }

    /**
     * A second gateway server: the same EAR and configuration, its own ports, sharing this one's
     * PostgreSQL and Redis, as a second node behind a load balancer would.
     */
    Node startSecondNode() throws Exception {
        String name = serverName + "-node2";
        Path servers = wlp.resolve("usr/servers");
        Path copy = servers.resolve(name);
        deleteTree(copy);
        Path original = servers.resolve(serverName);
        try (var paths = Files.walk(original)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                String relative = original.relativize(source).toString();
                // Configuration, libraries, plugins and the EAR; not the first server's state.
                if (relative.matches("(logs|workarea|embedded-postgres|trace-spool|apps/expanded)(/.*)?")) {
                    continue;
                }
                Path target = copy.resolve(relative);
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Map<String, String> env = new HashMap<>(environment);
        int proxy = freePort();
        int control = freePort();
        env.put("RENLAYER_PROXY_PORT", Integer.toString(proxy));
        env.put("RENLAYER_CONTROL_PORT", Integer.toString(control));
        if (server("start", name, env) != 0) {
            throw new IllegalStateException("the second node did not start; see " + copy.resolve("logs"));
        }
        Node node = new Node(name, proxy, control, copy);
        awaitReady("http://127.0.0.1:" + control, Duration.ofSeconds(120));
        return node;
    }

    /** A second server started by {@link #startSecondNode()}; closing stops and removes it. */
    final class Node implements AutoCloseable {
        private final String name;
        final int proxyPort;
        final int controlPort;
        private final Path dir;

        Node(String name, int proxyPort, int controlPort, Path dir) {
            this.name = name;
            this.proxyPort = proxyPort;
            this.controlPort = controlPort;
            this.dir = dir;
        }

        String proxyUrl() {
            return "http://127.0.0.1:" + proxyPort;
        }

        String controlUrl() {
            return "http://127.0.0.1:" + controlPort;
        }

        long pid() throws IOException {
            return Long.parseLong(
                    Files.readString(wlp.resolve("usr/servers/.pid").resolve(name + ".pid"))
                            .trim());
        }

        /** The node's trace rows and logs stay; the server is stopped. */
        void stopQuietly() throws Exception {
            server("stop", name, Map.of());
        }

        @Override
        public void close() throws Exception {
            server("stop", name, Map.of());
            deleteTree(dir);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The server's process id, from the pid file Liberty writes while it runs. */
    long pid() throws IOException {
        return Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid").resolve(serverName + ".pid"))
                .trim());
    }

    /** Where the trace writer spools, sets aside and quarantines rows (the default, under the server). */
    Path traceSpool() {
        return wlp.resolve("usr/servers").resolve(serverName).resolve("trace-spool");
    }

    Path logs() {
        return wlp.resolve("usr/servers").resolve(serverName).resolve("logs");
    }

    private int server(String action, Map<String, String> env) throws Exception {
        return server(action, serverName, env);
    }

    private int server(String action, String name, Map<String, String> env) throws Exception {
        return server(wlp, action, name, env);
    }

    /** {@code bin/server <action> <name>} of a Liberty runtime, with the tests' Java and {@code env}. */
    static int server(Path wlp, String action, String name, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(wlp.resolve("bin/server").toString(), action, name));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("'server " + action + "' did not return in time");
        }
        return process.exitValue();
    }

    private static void recreateDatabase() throws SQLException {
        recreateDatabase(DATABASE);
    }

    /** A new, empty database of that name on the tests' PostgreSQL. */
    static void recreateDatabase(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(databaseUrl("postgres"), PG_USER, "");
                Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        }
    }

    static String databaseUrl(String name) {
        return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + name;
    }

    /** Counters from an earlier run must not count against this one (tenants are new, but be sure). */
    private static void flushLimitCounters() throws IOException {
        try (RedisClient client = RedisClient.create(REDIS.getHost(), REDIS.getPort())) {
            var keys = client.keys("rl:{*");
            if (!keys.isEmpty()) {
                client.del(keys.toArray(String[]::new));
            }
        }
    }

    private static int freePortOrZero() {
        try {
            return freePort();
        } catch (IOException e) {
            return 0;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String random(int n) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(randomBytes(n))
                .replace("-", "a")
                .replace("_", "b");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() throws Exception {
        try {
            server("stop", Map.of());
        } finally {
            for (Path plugin : installedPlugins) {
                Files.deleteIfExists(plugin);
            }
            upstream.close();
            databaseLink.close();
            redisLink.close();
        }
    }
}
