package io.renlayer.it;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (the Debian package) on loopback in front of gateway servers: round robin over their
 * proxy ports, each server's health taken from its /readyz on the control port, and calls that
 * could not reach a server (connection refused) sent to another one.
 */
final class LoadBalancer implements AutoCloseable {

    /** A gateway server as the balancer sees it. */
    record Backend(int proxyPort, int controlPort) {}

    private final Process haproxy;
    private final int port;
    private final int statsPort;
    private final Path config;

    private LoadBalancer(Process haproxy, int port, int statsPort, Path config) {
        this.haproxy = haproxy;
        this.port = port;
        this.statsPort = statsPort;
        this.config = config;
    }

    /** Listens on {@code port}: the public port the servers accept in the Host header. */
    static LoadBalancer start(int port, List<Backend> backends) throws Exception {
        int statsPort = Gateway.freePort();
        String binary = Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy";
        StringBuilder cfg = new StringBuilder("""
                global
                    maxconn 2000
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    retries 3
                    option redispatch 1
                    retry-on conn-failure
                listen stats
                    bind 127.0.0.1:%d
                    stats enable
                    stats uri /stats
                frontend gateway
                    bind 127.0.0.1:%d
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    option httpchk GET /readyz
                """.formatted(statsPort, port));
        for (int i = 0; i < backends.size(); i++) {
            Backend b = backends.get(i);
            cfg.append("    server node%d 127.0.0.1:%d check port %d inter 500ms fall 2 rise 2\n"
                    .formatted(i + 1, b.proxyPort(), b.controlPort()));
        }
        Path config = Files.createTempFile("renlayer-haproxy", ".cfg");
        Files.writeString(config, cfg);
        Process process = new ProcessBuilder(binary, "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        LoadBalancer balancer = new LoadBalancer(process, port, statsPort, config);
        balancer.awaitListening();
        return balancer;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Calls the balancer sent again (retries and redispatches of the backend). It resends only
     * after a connection failed before the request went out ({@code retry-on conn-failure}), never
     * a call a server may have carried out: an LLM call sent twice is billed twice.
     */
    long resentCalls() throws Exception {
        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        List<String> lines = csv.body().lines().toList();
        List<String> columns = List.of(lines.get(0).replaceFirst("^# ", "").split(","));
        String[] backend = lines.stream()
                .map(l -> l.split(",", -1))
                .filter(f -> f[0].equals("nodes") && f[1].equals("BACKEND"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no backend row in " + csv.body()));
        return count(backend[columns.indexOf("wretr")]) + count(backend[columns.indexOf("wredis")]);
    }

    private static long count(String field) {
        return field.isEmpty() ? 0 : Long.parseLong(field);
    }

    private void awaitListening() throws Exception {
        for (int i = 0; i < 100; i++) {
            if (!haproxy.isAlive()) {
                throw new IllegalStateException("haproxy exited with " + haproxy.exitValue() + "; config " + config);
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("haproxy is not listening on " + port);
    }

    @Override
    public void close() throws Exception {
        haproxy.destroy();
        haproxy.waitFor(10, TimeUnit.SECONDS);
        Files.deleteIfExists(config);
    }
}
