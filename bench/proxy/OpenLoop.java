import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: request i is sent at start + i / rate, whether or not earlier ones
 * have come back, and its latency counts from that planned moment. Closed-loop tools (a fixed
 * number of clients, each waiting for its answer, like hey's -q) send in bursts and hide queueing
 * behind a slow answer; wrk2 does this properly but is not packaged by Debian.
 *
 *   java bench/proxy/OpenLoop.java URL RATE SECONDS BODY_FILE ['Name: value|Name: value']
 *
 * Prints "p50_ms p99_ms sent_per_s failed"; the first second is warm-up and not counted. Past a
 * target's capacity the backlog (and the latency) grows for as long as the run lasts, as it would
 * for real callers. With OPENLOOP_DUMP=file it also writes each call's planned wall-clock time and
 * latency ("epoch_ms latency_ms"), to line slow calls up with a GC log.
 *
 * The generator shares the two cores with what it measures, so it must cost little: each call is
 * a virtual thread writing one prepared HTTP/1.1 request on a pooled keep-alive socket and reading
 * the answer to its end (Content-Length or chunked). The JDK's HttpClient, used here before, took
 * a whole core at 1,000 calls/s and so slowed the target it was measuring.
 */
public class OpenLoop {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        byte[] body = Files.readAllBytes(Path.of(args[3]));
        String[] headers = args.length > 4 && !args[4].isBlank() ? args[4].split("\\|") : new String[0];
        Connections connections = new Connections(new InetSocketAddress(url.getHost(), url.getPort()),
                request(url, headers, body));

        // A tenth of the rate: at 1,000/s, 20 connections were too few for a target a few ms slow in
        // its first moments. Calls found none idle and opened more, on the generator's cold code,
        // and the backlog cascaded: the first calls of a RenLayer run took 0.3 to 1.9 s, with
        // 100 connections 70-86 ms (docs/benchmarks-log.md, "A fourteenth VM").
        connections.open(Math.max(8, rate / 10));
        int warmUp = rate;
        int total = rate * (seconds + 1);
        long[] latencies = new long[total];
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (int i = 0; i < total; i++) {
            long planned = start + i * intervalNanos;
            long wait;
            while ((wait = planned - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            Thread.startVirtualThread(() -> {
                if (!connections.call()) {
                    failures.incrementAndGet();
                }
                latencies[index] = System.nanoTime() - planned;
                done.countDown();
            });
        }
        long sendingEnded = System.nanoTime();
        if (!done.await(60, TimeUnit.SECONDS)) {
            failures.addAndGet((int) done.getCount());
        }

        String dump = System.getenv("OPENLOOP_DUMP");
        if (dump != null) {
            writeTimeline(Path.of(dump), latencies, start, intervalNanos);
        }
        long[] measured = Arrays.copyOfRange(latencies, warmUp, total);
        Arrays.sort(measured);
        double sentPerSecond = total / ((sendingEnded - start) / 1e9);
        System.out.printf("%.2f %.2f %.0f %d%n", millis(measured, 0.50), millis(measured, 0.99), sentPerSecond,
                failures.get());
        System.exit(0); // sockets still open in the pool
    }

    private static void writeTimeline(Path file, long[] latencies, long start, long intervalNanos)
            throws IOException {
        long wallStart = System.currentTimeMillis() - (System.nanoTime() - start) / 1_000_000;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < latencies.length; i++) {
            lines.append(wallStart + i * intervalNanos / 1_000_000).append(' ').append(latencies[i] / 1e6).append('\n');
        }
        Files.writeString(file, lines);
    }

    private static byte[] request(URI url, String[] headers, byte[] body) {
        StringBuilder head = new StringBuilder("POST ").append(url.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getHost()).append(':').append(url.getPort()).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        for (String header : headers) {
            int colon = header.indexOf(':');
            head.append(header.substring(0, colon).trim()).append(": ").append(header.substring(colon + 1).trim())
                    .append("\r\n");
        }
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(start, start.length + body.length);
        System.arraycopy(body, 0, request, start.length, body.length);
        return request;
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1e6;
    }

    /** Keep-alive sockets to the target; a call takes an idle one or opens one, as a browser's pool does. */
    static final class Connections {
        private final InetSocketAddress target;
        private final byte[] request;
        private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

        Connections(InetSocketAddress target, byte[] request) {
            this.target = target;
            this.request = request;
        }

        /**
         * Opens connections and sends one call on each before the clock starts, as wrk does: a
         * run that began with none opened dozens in its first moments, each a first request the
         * target had to set up for, and the backlog that made spilled past the warm-up second.
         */
        void open(int count) throws IOException {
            for (int i = 0; i < count; i++) {
                Connection connection = new Connection(target);
                connection.exchange(request);
                idle.offerFirst(connection);
            }
        }

        /**
         * One request and its whole answer; true when the answer was a 200. A pooled connection
         * the target closed while it sat idle fails before any answer: the call is then sent once
         * more on a new connection, as HTTP clients do.
         */
        boolean call() {
            Connection pooled = idle.pollFirst();
            if (pooled != null) {
                try {
                    return exchangeAndKeep(pooled);
                } catch (IOException stale) {
                    pooled.close();
                    if (pooled.answered()) {
                        return false;
                    }
                }
            }
            Connection fresh = null;
            try {
                fresh = new Connection(target);
                return exchangeAndKeep(fresh);
            } catch (IOException e) {
                if (fresh != null) {
                    fresh.close();
                }
                return false;
            }
        }

        private boolean exchangeAndKeep(Connection connection) throws IOException {
            boolean ok = connection.exchange(request) == 200;
            idle.offerFirst(connection);
            return ok;
        }
    }

    /** One HTTP/1.1 connection: writes a prepared request, reads the status and the body to its end. */
    static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;
        private boolean answered;

        Connection(InetSocketAddress target) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(target, 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        /** Whether any byte of an answer to the last request arrived. */
        boolean answered() {
            return answered;
        }

        int exchange(byte[] request) throws IOException {
            answered = false;
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                throw new IOException("an answer without a length cannot share a connection");
            }
            return status;
        }

        private String line() throws IOException {
            ByteArrayOutputStream text = new ByteArrayOutputStream(64);
            while (true) {
                if (start == end) {
                    fill();
                }
                byte b = buffer[start++];
                if (b == '\n') {
                    byte[] bytes = text.toByteArray();
                    int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
                }
                text.write(b);
            }
        }

        private void skip(long count) throws IOException {
            while (count > 0) {
                if (start == end) {
                    fill();
                }
                int step = (int) Math.min(count, end - start);
                start += step;
                count -= step;
            }
        }

        private void fill() throws IOException {
            int read = in.read(buffer, 0, buffer.length);
            if (read < 0) {
                throw new EOFException("connection closed mid-answer");
            }
            answered = true;
            start = 0;
            end = read;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already failed; nothing to add
            }
        }
    }
}
