package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.sim.UpstreamSimulator.ReceivedRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** MCP servers behind {@code /mcp/<upstream>}: the transport relayed, the agent's tool allow-list enforced. */
@ExtendWith(GatewayExtension.class)
class McpIT {

    private static final String ACCEPT = "application/json, text/event-stream";

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theAgentSeesAndCallsOnlyItsAllowedTools(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        registerMcpServer(platform, t, "tools", "http://127.0.0.1:" + gateway.upstream.port() + "/mcp");
        allowTools(platform, t, "[\"search\",\"weath*\"]");
        String mcp = gateway.proxyUrl() + "/mcp/tools";

        HttpResponse<String> init = post(mcp, t.key(), null, Map.of(), """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-03-26",
                 "capabilities":{},"clientInfo":{"name":"it","version":"1"}}}""");
        assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
        String session = init.headers().firstValue("mcp-session-id").orElseThrow();

        HttpResponse<String> listed =
                post(mcp, t.key(), session, Map.of(), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
        assertThat(toolNames(Platform.json(listed.body()))).containsExactly("search", "weather");

        HttpResponse<String> streamed = post(
                mcp,
                t.key(),
                session,
                Map.of("x-sim-mcp-sse", "1"),
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}");
        assertThat(streamed.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        String data = streamed.body()
                .lines()
                .filter(l -> l.startsWith("data: "))
                .findFirst()
                .orElseThrow()
                .substring(6);
        assertThat(toolNames(Platform.json(data))).containsExactly("search", "weather");
        assertThat(streamed.body()).contains("event: message").doesNotContain("delete_everything");

        HttpResponse<String> allowed = post(
                mcp,
                t.key(),
                session,
                Map.of(),
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"search\",\"arguments\":{}}}");
        assertThat(Platform.json(allowed.body()).getJsonObject("result").toString())
                .contains("called search");

        int before = gateway.upstream.received().size();
        HttpResponse<String> refused = post(
                mcp,
                t.key(),
                session,
                Map.of(),
                "{\"jsonrpc\":\"2.0\",\"id\":\"call-5\",\"method\":\"tools/call\",\"params\":{\"name\":\"delete_everything\"}}");
        assertThat(refused.statusCode()).isEqualTo(200);
        JsonObject error = Platform.json(refused.body());
        assertThat(error.getString("id")).isEqualTo("call-5");
        assertThat(error.getJsonObject("error").getInt("code")).isEqualTo(-32001);
        assertThat(error.getJsonObject("error").getString("message")).contains("delete_everything");
        assertThat(gateway.upstream.received()).hasSize(before);

        HttpResponse<String> deleted = http.send(
                HttpRequest.newBuilder(URI.create(mcp))
                        .header("Authorization", "Bearer " + t.key())
                        .header("Mcp-Session-Id", session)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        ReceivedRequest last = gateway.upstream.received().getLast();
        assertThat(last.header("mcp-session-id")).isEqualTo(session);
        assertThat(last.header("authorization")).isEqualTo("Bearer " + Gateway.UPSTREAM_CREDENTIAL);

        JsonObject trace = platform.awaitTrace(
                t.tenantId(), tr -> tr.getString("route").equals("/mcp/tools") && tr.getInt("status") == 403);
        assertThat(trace.getString("errorCode")).isEqualTo("tool_not_allowed");
        assertThat(trace.getJsonArray("flags").getValuesAs(JsonString::getString))
                .contains("tool:delete_everything");
    }

    @Test
    void anAgentWithoutToolsIsRefusedEveryCall(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        registerMcpServer(platform, t, "tools", "http://127.0.0.1:" + gateway.upstream.port() + "/mcp");
        allowTools(platform, t, "[]");
        String mcp = gateway.proxyUrl() + "/mcp/tools";

        HttpResponse<String> listed =
                post(mcp, t.key(), null, Map.of(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        HttpResponse<String> called = post(
                mcp,
                t.key(),
                null,
                Map.of(),
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"search\"}}");
        HttpResponse<String> unknown = post(
                gateway.proxyUrl() + "/mcp/nope",
                t.key(),
                null,
                Map.of(),
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}");
        HttpResponse<String> garbage = post(mcp, t.key(), null, Map.of(), "not json");

        assertThat(toolNames(Platform.json(listed.body()))).isEmpty();
        assertThat(Platform.json(called.body()).getJsonObject("error").getInt("code"))
                .isEqualTo(-32001);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Platform.json(unknown.body())
                        .getJsonObject("error")
                        .getJsonObject("data")
                        .getString("code"))
                .isEqualTo("unknown_mcp_server");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(Platform.json(garbage.body()).getJsonObject("error").getInt("code"))
                .isEqualTo(-32700);
    }

    /** The official TypeScript client against the reference server, both from npm, through the gateway. */
    @Test
    void theOfficialClientWorksAgainstTheReferenceServer(Gateway gateway) throws Exception {
        NodeProject node = NodeProject.install("mcp");
        int port = Gateway.freePort();
        Process server = node.start(
                Map.of("PORT", Integer.toString(port)),
                node.dir().resolve("server.log"),
                "node",
                "node_modules/@modelcontextprotocol/server-everything/dist/index.js",
                "streamableHttp");
        try {
            awaitListening(port, server, node.dir().resolve("server.log"));
            Platform platform = new Platform(gateway);
            Platform.TestTenant t = platform.newTenant();
            registerMcpServer(platform, t, "everything", "http://127.0.0.1:" + port + "/mcp");
            allowTools(platform, t, "[\"echo\",\"get-sum\"]");

            NodeProject.Result run = node.run(
                    NodeProject.Limit.SCRIPT,
                    Map.of(),
                    "node",
                    "client.mjs",
                    gateway.proxyUrl() + "/mcp/everything",
                    t.key(),
                    "echo",
                    "get-env");

            assertThat(run.exitCode()).as(run.output()).isZero();
            JsonObject seen = Platform.json(run.lastLine());
            assertThat(seen.getString("sessionId")).isNotBlank();
            assertThat(seen.getJsonArray("tools").getValuesAs(JsonString::getString))
                    .containsExactly("echo", "get-sum");
            assertThat(seen.getString("called")).contains("hello through the gateway");
            assertThat(seen.getJsonObject("refused").getInt("code")).isEqualTo(-32001);
            assertThat(seen.getJsonObject("refused").getString("message")).contains("get-env");

            JsonObject trace = platform.awaitTrace(
                    t.tenantId(),
                    tr -> tr.getString("route").equals("/mcp/everything")
                            && tr.getJsonArray("flags").toString().contains("tool:echo"));
            assertThat(trace.getInt("status")).isEqualTo(200);
        } finally {
            server.destroy();
        }
    }

    private static void registerMcpServer(Platform platform, Platform.TestTenant t, String name, String url)
            throws Exception {
        HttpResponse<String> created = platform.post("/api/v1/tenants/" + t.tenantId() + "/upstreams", """
                {"name":"%s","provider":"mcp","baseUrl":"%s","credential":"%s","models":["*"]}""".formatted(
                        name, url, Gateway.UPSTREAM_CREDENTIAL));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private static void allowTools(Platform platform, Platform.TestTenant t, String tools) throws Exception {
        HttpResponse<String> patched = platform.patch(
                "/api/v1/tenants/" + t.tenantId() + "/agents/" + t.agentId(), "{\"allowedTools\":" + tools + "}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    }

    private HttpResponse<String> post(String url, String key, String session, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .header("Accept", ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> toolNames(JsonObject response) {
        return response.getJsonObject("result").getJsonArray("tools").stream()
                .map(v -> v.asJsonObject().getString("name"))
                .toList();
    }

    private static void awaitListening(int port, Process server, Path log) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new AssertionError("the MCP server exited: " + Files.readString(log));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the MCP server did not listen on " + port);
    }
}
