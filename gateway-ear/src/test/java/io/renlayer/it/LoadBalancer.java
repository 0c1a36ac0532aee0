package io.renlayer.it;

import java.io.IOException;
import java.net.Socket;
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
    private final Path config;

    private LoadBalancer(Process haproxy, int port, Path config) {
        this.haproxy = haproxy;
        this.port = port;
        this.config = config;
    }

    /** Listens on {@code port}: the public port the servers accept in the Host header. */
    static LoadBalancer start(int port, List<Backend> backends) throws Exception {
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
                    retry-on conn-failure empty-response
                frontend gateway
                    bind 127.0.0.1:%d
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    option httpchk GET /readyz
                """.formatted(port));
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
        LoadBalancer balancer = new LoadBalancer(process, port, config);
        balancer.awaitListening();
        return balancer;
    }

    String url() {
        return "http://127.0.0.1:" + port;
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
