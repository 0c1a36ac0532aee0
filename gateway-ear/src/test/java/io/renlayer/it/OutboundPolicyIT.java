package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security findings 3, 4, 5 and 12: the proxy cannot be turned against the network or the
 * gateway itself, /metrics does not grow with names anyone tries, an upstream's cookies are not
 * relayed, and the console sends its protective headers. The test server allows 127.0.0.1/32.
 */
@ExtendWith(GatewayExtension.class)
class OutboundPolicyIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void noBaseUrlReachesMetadataThePrivateNetworkOrTheGatewaysOwnListeners(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        String upstreams = "/api/v1/tenants/" + t.tenantId() + "/upstreams";
        int control = gateway.controlPort;
        for (String url : List.of(
                "http://127.0.0.1:" + control,
                "http://[::1]:" + control,
                "http://2130706433:" + control,
                "http://127.0.0.1:" + gateway.proxyPort,
                "http://169.254.169.254/",
                "http://[fe80::1]/",
                "http://10.0.0.5/v1",
                "http://192.168.1.1/v1",
                "http://u:p@127.0.0.1:" + gateway.upstream.port() + "/v1")) {
            HttpResponse<String> refused =
                    platform.post(upstreams, upstream("u" + UUID.randomUUID(), url, "only-" + url));
            assertThat(refused.statusCode()).as(url + ": " + refused.body()).isEqualTo(400);
            assertThat(Platform.json(refused.body()).getString("field")).isEqualTo("baseUrl");
        }

        // A name is checked on what it resolves to, when the gateway connects; this tenant's only
        // upstream is one that names the gateway's control listener.
        String tenant = created(platform.post("/api/v1/tenants", "{\"name\":\"ssrf-" + UUID.randomUUID() + "\"}"));
        String agent = created(platform.post("/api/v1/tenants/" + tenant + "/agents", "{\"name\":\"a\"}"));
        assertThat(platform.post(
                                "/api/v1/tenants/" + tenant + "/upstreams",
                                upstream("self", "http://localhost:" + control + "/v1", "*"))
                        .statusCode())
                .isEqualTo(201);
        String key = Platform.json(platform.post(
                                "/api/v1/tenants/" + tenant + "/keys", "{\"agentId\":\"" + agent + "\",\"name\":\"k\"}")
                        .body())
                .getString("key");
        HttpResponse<String> viaName = new Proxy(gateway).awaitStatus(key, Proxy.userMessage("gpt-4o", "hi"), 502);
        assertThat(viaName.body()).doesNotContain("renlayer_");
        HttpResponse<String> service = platform.post(
                "/api/v1/tenants/" + t.tenantId() + "/services",
                "{\"name\":\"control\",\"baseUrl\":\"http://localhost:%d\",\"allowedMethods\":[\"GET\"]}"
                        .formatted(control));
        assertThat(service.statusCode()).as(service.body()).isEqualTo(201);
        for (String path : List.of("/metrics", "/openapi", "/console/login.xhtml")) {
            HttpResponse<String> through = awaitNot404(gateway, t.key(), "/services/control" + path);
            assertThat(through.statusCode()).as(path).isEqualTo(502);
            assertThat(through.body())
                    .as(path)
                    .doesNotContain("renlayer_")
                    .doesNotContain("openapi")
                    .doesNotContain("<html");
        }
    }

    @Test
    void movingAnUpstreamToAnotherHostNeedsItsCredentialAgain(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        String upstreams = "/api/v1/tenants/" + t.tenantId() + "/upstreams";
        String id = Platform.json(platform.get(upstreams).body())
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("id");
        String otherHost = "http://localhost:" + gateway.upstream.port() + "/v1";

        HttpResponse<String> withoutCredential =
                platform.patch(upstreams + "/" + id, "{\"baseUrl\":\"" + otherHost + "\"}");
        HttpResponse<String> samePlace =
                platform.patch(upstreams + "/" + id, "{\"baseUrl\":\"" + gateway.upstream.baseUrl() + "/\"}");
        HttpResponse<String> withCredential = platform.patch(
                upstreams + "/" + id,
                "{\"baseUrl\":\"" + otherHost + "\",\"credential\":\"" + Gateway.UPSTREAM_CREDENTIAL + "\"}");

        assertThat(withoutCredential.statusCode()).as(withoutCredential.body()).isEqualTo(400);
        assertThat(Platform.json(withoutCredential.body()).getString("field")).isEqualTo("credential");
        assertThat(samePlace.statusCode())
                .as("the same host and port: no credential needed")
                .isEqualTo(200);
        assertThat(withCredential.statusCode()).isEqualTo(200);
    }

    @Test
    void unauthenticatedCallsAddNoMetricsLabels(Gateway gateway) throws Exception {
        for (int i = 0; i < 20; i++) { // the label set of each route exists once
            http.send(
                    HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/services/warmup/x"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            http.send(
                    HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/mcp/warmup"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        String before = metrics(gateway);
        for (int i = 0; i < 200; i++) {
            String name = "probe" + UUID.randomUUID().toString().substring(0, 8);
            http.send(
                    HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/services/" + name + "/x"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            http.send(
                    HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/mcp/" + name))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        String after = metrics(gateway);
        assertThat(after).doesNotContain("probe").doesNotContain("warmup");
        assertThat(after.lines().count())
                .as("no new series")
                .isEqualTo(before.lines().count());
    }

    @Test
    void anUpstreamsCookiesAreNotRelayedAndTheConsoleSendsItsProtectiveHeaders(Gateway gateway) throws Exception {
        HttpServer cookieJar = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cookieJar.createContext("/", exchange -> {
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=planted; Path=/");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        cookieJar.start();
        try {
            Platform platform = new Platform(gateway);
            Platform.TestTenant t = platform.newTenant();
            assertThat(platform.post(
                                    "/api/v1/tenants/" + t.tenantId() + "/services",
                                    "{\"name\":\"jar\",\"baseUrl\":\"http://127.0.0.1:%d\",\"allowedMethods\":[\"GET\"]}"
                                            .formatted(cookieJar.getAddress().getPort()))
                            .statusCode())
                    .isEqualTo(201);
            HttpResponse<String> relayed = awaitNot404(gateway, t.key(), "/services/jar/x");
            assertThat(relayed.statusCode()).isEqualTo(200);
            assertThat(relayed.headers().allValues("set-cookie")).isEmpty();
        } finally {
            cookieJar.stop(0);
        }

        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/console/login.xhtml"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("content-security-policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("default-src 'self'")
                        .contains("frame-ancestors 'none'")
                        .contains("object-src 'none'"));
        assertThat(login.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    }

    private static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Platform.json(response.body()).getString("id");
    }

    private HttpResponse<String> awaitNot404(Gateway gateway, String key, String path) throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 50; i++) {
            last = http.send(
                    HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + path))
                            .header("Authorization", "Bearer " + key)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (last.statusCode() != 404) {
                return last;
            }
            Thread.sleep(100);
        }
        return last;
    }

    private String metrics(Gateway gateway) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body()
                .lines()
                .filter(l -> l.startsWith("renlayer_proxy_request"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    private static String upstream(String name, String url, String model) {
        return "{\"name\":\"%s\",\"provider\":\"openai\",\"baseUrl\":\"%s\",\"credential\":\"c\",\"models\":[\"%s\"]}"
                .formatted(name, url, model);
    }
}
