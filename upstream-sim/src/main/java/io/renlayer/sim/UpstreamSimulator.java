package io.renlayer.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic model provider on loopback, speaking OpenAI chat completions, responses and
 * embeddings, and Anthropic messages (plain and streamed, with usage), so the gateway can be
 * tested and tried without the internet.
 *
 * <p>It requires {@code Authorization: Bearer <credential>} when a credential is configured, and
 * remembers the headers of the requests it received so tests can check what crossed the gateway.
 * A request header {@code x-sim-chunk-delay-ms} spaces out streamed chunks, {@code x-sim-delay-ms}
 * delays the whole answer; the model
 * {@code sim-error-500} answers with a server error, {@code sim-broken-stream} breaks off its
 * stream, and {@code sim-stalled-body} sends its headers and part of its body, then nothing for
 * {@code x-sim-chunk-delay-ms}.
 */
public final class UpstreamSimulator implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final String credential;
    private final ConcurrentLinkedDeque<ReceivedRequest> received = new ConcurrentLinkedDeque<>();
    private final AtomicLong receivedCount = new AtomicLong();
    private final AtomicLong abandonedStreams = new AtomicLong();

    private UpstreamSimulator(HttpServer server, String credential) {
        this.server = server;
        this.credential = credential;
    }

    /**
     * Starts on 127.0.0.1.
     *
     * @param port 0 for any free port
     * @param credential the bearer token to require, or null to accept any
     */
    public static UpstreamSimulator start(int port, String credential) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        UpstreamSimulator simulator = new UpstreamSimulator(server, credential);
        server.setExecutor(simulator.executor);
        server.createContext("/", simulator::handle);
        server.start();
        return simulator;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL to register as an OpenAI upstream. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** How many requests arrived since the start; unlike {@link #received()} it is not capped. */
    public long receivedCount() {
        return receivedCount.get();
    }

    /** Streams this simulator could not finish because the caller closed the connection. */
    public long abandonedStreams() {
        return abandonedStreams.get();
    }

    /** Requests received so far, oldest first (the last 1000). */
    public List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    /** Azure OpenAI: {@code /openai/deployments/<deployment>/chat/completions?api-version=...}. */
    private static final Pattern AZURE_DEPLOYMENT =
            Pattern.compile("/openai/deployments/([^/]+)/(chat/completions|embeddings)");

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(ReceivedRequest.of(exchange, body));
            receivedCount.incrementAndGet();
            if (received.size() > 1000) {
                received.pollFirst();
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/mcp")) {
                mcp(exchange, body);
                return;
            }
            if (path.startsWith("/svc/") || path.equals("/svc")) {
                echo(exchange, body); // a plain HTTP service, for registered-service routes
                return;
            }
            if (gemini(exchange, path, body)) {
                return;
            }
            Matcher azure = AZURE_DEPLOYMENT.matcher(path);
            if (azure.matches()) {
                String query = exchange.getRequestURI().getRawQuery();
                if (query == null
                        || !query.startsWith("api-version=")
                        || (credential != null
                                && !credential.equals(
                                        exchange.getRequestHeaders().getFirst("api-key")))) {
                    send(
                            exchange,
                            401,
                            OpenAiReplies.error("invalid_request_error", "Azure wants api-key and api-version"));
                    return;
                }
                // Azure answers as OpenAI does; from here on, the deployment's route is the OpenAI one.
                path = "/v1/" + azure.group(2);
            }
            if (!List.of("/v1/chat/completions", "/v1/responses", "/v1/embeddings", "/v1/messages")
                    .contains(path)) {
                send(exchange, 404, OpenAiReplies.error("invalid_request_error", "Unknown path " + path));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, OpenAiReplies.error("invalid_request_error", "Use POST"));
                return;
            }
            boolean anthropic = path.equals("/v1/messages");
            String presented = anthropic
                    ? exchange.getRequestHeaders().getFirst("x-api-key")
                    : exchange.getRequestHeaders().getFirst("Authorization");
            if (credential != null
                    && !azure.matches()
                    && !(anthropic ? credential : "Bearer " + credential).equals(presented)) {
                send(
                        exchange,
                        401,
                        anthropic
                                ? AnthropicReplies.error("authentication_error", "invalid x-api-key")
                                : OpenAiReplies.error("invalid_request_error", "Incorrect API key provided."));
                return;
            }
            ChatRequest chat;
            try {
                chat = ChatRequest.parse(body);
            } catch (IllegalArgumentException e) {
                send(exchange, 400, OpenAiReplies.error("invalid_request_error", e.getMessage()));
                return;
            }
            if (chat.model().equals("sim-error-500")) {
                send(exchange, 500, OpenAiReplies.error("server_error", "Simulated upstream failure"));
                return;
            }
            if (chat.model().equals("sim-broken-stream")) {
                breakOffMidStream(exchange, chat);
                return;
            }
            if (chat.model().equals("sim-stalled-body")) {
                stallMidBody(exchange, chat);
                return;
            }
            pause(headerMillis(exchange, "x-sim-delay-ms")); // a slow upstream, before anything is sent
            long delay = chunkDelay(exchange);
            switch (path) {
                case "/v1/embeddings" -> send(exchange, 200, OpenAiReplies.embeddings(chat));
                case "/v1/responses" -> {
                    if (chat.stream()) {
                        streamEvents(exchange, OpenAiReplies.responseEvents(chat), delay, false);
                    } else {
                        send(exchange, 200, OpenAiReplies.response(chat));
                    }
                }
                case "/v1/messages" -> {
                    if (chat.stream()) {
                        streamEvents(exchange, AnthropicReplies.streamEvents(chat), delay, false);
                    } else {
                        send(exchange, 200, AnthropicReplies.message(chat));
                    }
                }
                default -> {
                    if (chat.stream()) {
                        stream(exchange, chat, delay);
                    } else {
                        send(exchange, 200, OpenAiReplies.completion(chat));
                    }
                }
            }
        }
    }

    private void stream(HttpExchange exchange, ChatRequest chat, long delayMillis) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            for (String event : OpenAiReplies.streamEvents(chat)) {
                out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                pause(delayMillis);
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException callerGone) {
            abandonedStreams.incrementAndGet();
            throw callerGone;
        }
    }

    /**
     * Promises a long body, sends the first event and stops: closing the exchange then drops the
     * connection, which the gateway sees as an upstream that broke off mid-stream.
     */
    private static void breakOffMidStream(HttpExchange exchange, ChatRequest chat) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 1 << 20);
        OutputStream out = exchange.getResponseBody();
        out.write(("data: " + OpenAiReplies.streamEvents(chat).getFirst() + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A plain (not streamed) answer that goes quiet halfway, as an overloaded upstream may. */
    private static void stallMidBody(HttpExchange exchange, ChatRequest chat) throws IOException {
        byte[] reply = OpenAiReplies.completion(chat).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, reply.length);
        OutputStream out = exchange.getResponseBody();
        out.write(reply, 0, reply.length / 2);
        out.flush();
        pause(chunkDelay(exchange));
        out.write(reply, reply.length / 2, reply.length - reply.length / 2);
        out.close();
    }

    /** Named events ({@code event:} + {@code data:}), as Anthropic and the Responses API stream. */
    private static void streamEvents(HttpExchange exchange, List<String[]> events, long delayMillis, boolean done)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String[] event : events) {
            out.write(("event: " + event[0] + "\ndata: " + event[1] + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            pause(delayMillis);
        }
    }

    /** Google's Gemini API; false when the path is not one of its. */
    private boolean gemini(HttpExchange exchange, String path, byte[] body) throws IOException {
        Matcher call = GeminiReplies.call(path);
        boolean list = GeminiReplies.MODELS.matcher(path).matches() && "GET".equals(exchange.getRequestMethod());
        if (!call.matches() && !list) {
            return false;
        }
        String key = exchange.getRequestHeaders().getFirst("x-goog-api-key");
        String bearer = exchange.getRequestHeaders().getFirst("Authorization");
        if (credential != null && !credential.equals(key) && !("Bearer " + credential).equals(bearer)) {
            send(
                    exchange,
                    400,
                    GeminiReplies.error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key."));
            return true;
        }
        if (list) {
            send(exchange, 200, GeminiReplies.models());
            return true;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, GeminiReplies.error(405, "INVALID_ARGUMENT", "Use POST"));
            return true;
        }
        boolean stream = call.group(3).equals("streamGenerateContent");
        ChatRequest chat;
        try {
            chat = GeminiReplies.parse(call.group(2), stream, body);
        } catch (IllegalArgumentException e) {
            send(exchange, 400, GeminiReplies.error(400, "INVALID_ARGUMENT", e.getMessage()));
            return true;
        }
        if (!stream) {
            send(exchange, 200, GeminiReplies.response(chat));
            return true;
        }
        String query = exchange.getRequestURI().getRawQuery();
        boolean sse = query != null && List.of(query.split("&")).contains("alt=sse");
        if (!sse) { // without alt=sse Google streams one JSON array; the SDKs always ask for events
            send(exchange, 200, "[" + String.join(",", GeminiReplies.streamEvents(chat)) + "]");
            return true;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        long delay = chunkDelay(exchange);
        for (String event : GeminiReplies.streamEvents(chat)) {
            out.write(("data: " + event + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            pause(delay);
        }
        return true;
    }

    private void mcp(HttpExchange exchange, byte[] body) throws IOException {
        if (credential != null
                && !("Bearer " + credential).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"error\":\"unauthorized\"}");
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "DELETE" -> exchange.sendResponseHeaders(204, -1);
            case "GET" -> exchange.sendResponseHeaders(405, -1); // no server-initiated stream
            default -> {
                String answer = McpServer.handle(body);
                exchange.getResponseHeaders().set("Mcp-Session-Id", McpServer.SESSION);
                if (answer == null) {
                    exchange.sendResponseHeaders(202, -1);
                } else if (exchange.getRequestHeaders().getFirst("x-sim-mcp-sse") != null) {
                    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody()
                            .write(("event: message\ndata: " + answer + "\n\n").getBytes(StandardCharsets.UTF_8));
                } else {
                    send(exchange, 200, answer);
                }
            }
        }
    }

    /** Answers with what it received: method, path, query and body. */
    private static void echo(HttpExchange exchange, byte[] body) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        send(
                exchange,
                200,
                Json.createObjectBuilder()
                        .add("method", exchange.getRequestMethod())
                        .add("path", exchange.getRequestURI().getRawPath())
                        .add("query", query == null ? "" : query)
                        .add("body", new String(body, StandardCharsets.UTF_8))
                        .build()
                        .toString());
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static long chunkDelay(HttpExchange exchange) {
        return headerMillis(exchange, "x-sim-chunk-delay-ms");
    }

    private static long headerMillis(HttpExchange exchange, String header) {
        String value = exchange.getRequestHeaders().getFirst(header);
        try {
            return value == null ? 0 : Math.min(Long.parseLong(value), 10_000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    /** {@code java -jar upstream-sim.jar [port] [credential]}: defaults 9099 and no credential check. */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9099;
        String credential = args.length > 1 ? args[1] : null;
        UpstreamSimulator simulator = start(port, credential);
        System.out.println("Upstream simulator at " + simulator.baseUrl()
                + " (OpenAI chat completions, responses, embeddings; Anthropic messages)");
    }

    /** What the simulator saw of one request. Header names are lower-cased. */
    /** @param query the raw query string, or null */
    public record ReceivedRequest(
            String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        static ReceivedRequest of(HttpExchange exchange, byte[] body) {
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
            return new ReceivedRequest(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    headers,
                    body);
        }

        public String header(String lowerCaseName) {
            List<String> values = headers.get(lowerCaseName);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }
}
