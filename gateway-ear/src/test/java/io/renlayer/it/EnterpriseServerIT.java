package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The EAR inside a server an enterprise already runs: a new server from the same runtime, with a
 * server.xml written as its owners would (their port, their own application, their variables) and
 * an {@code <include>} of RenLayer's {@code renlayer.xml}, RenLayer's files kept in a directory of
 * their choosing. The quickstart's calls and a console sign-in work there; their application too.
 */
@ExtendWith(GatewayExtension.class)
class EnterpriseServerIT {

    private static final String SERVER = "acme-apps";
    private static final String DATABASE = "renlayer_enterprise_it";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theQuickstartAndTheConsoleRunInsideTheEnterprisesOwnServer(Gateway gateway) throws Exception {
        Path wlp = Path.of(System.getProperty("renlayer.server.dir", "target/liberty/wlp"));
        Path ours = wlp.resolve("usr/servers/renlayer");
        Path home = Path.of("target/enterprise-it/renlayer").toAbsolutePath();
        Path serverDir = wlp.resolve("usr/servers").resolve(SERVER);
        Gateway.deleteTree(home);
        Gateway.deleteTree(serverDir);
        layOutRenLayer(ours, home);
        assertThat(server(wlp, "create", Map.of())).isZero();
        writeHelloApp(serverDir.resolve("apps/hello.war"));
        int http = Gateway.freePort();
        int proxy = Gateway.freePort();
        Files.writeString(serverDir.resolve("server.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <server description="ACME's application server">
                    <featureManager>
                        <feature>servlet-6.0</feature>
                    </featureManager>
                    <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="${env.ACME_HTTP_PORT}" httpsPort="-1"/>
                    <webApplication id="hello" location="hello.war" contextRoot="/hello"/>

                    <!-- RenLayer, beside our applications -->
                    <variable name="renlayer.home" value="%s"/>
                    <include location="${renlayer.home}/renlayer.xml"/>
                </server>
                """.formatted(home));
        Gateway.recreateDatabase(DATABASE);
        String operatorToken = "rop_acme_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> env = Map.of(
                "ACME_HTTP_PORT",
                Integer.toString(http),
                "RENLAYER_PROXY_HOST",
                "127.0.0.1",
                "RENLAYER_PROXY_PORT",
                Integer.toString(proxy),
                "RENLAYER_DB_URL",
                Gateway.databaseUrl(DATABASE),
                "RENLAYER_DB_USER",
                Gateway.PG_USER,
                "RENLAYER_REDIS_URL",
                Gateway.REDIS.toString(),
                "RENLAYER_BOOTSTRAP_OPERATOR_TOKEN",
                operatorToken,
                "RENLAYER_OUTBOUND_ALLOWED_NETWORKS",
                "127.0.0.1/32",
                "RENLAYER_MASTER_KEY",
                Base64.getEncoder().encodeToString(masterKey()));
        String control = "http://127.0.0.1:" + http;
        try {
            assertThat(server(wlp, "start", env)).isZero();
            awaitReady(control + "/readyz");

            // The enterprise's own application still answers, on its own port and context root.
            assertThat(get(control + "/hello/").body()).contains("hello from acme");

            // The quickstart: a tenant, an agent, an upstream, a key, a call through the proxy.
            String tenant = created(post(control, operatorToken, "/api/v1/tenants", "{\"name\":\"acme\"}"));
            String agent = created(
                    post(control, operatorToken, "/api/v1/tenants/" + tenant + "/agents", "{\"name\":\"bot\"}"));
            created(post(control, operatorToken, "/api/v1/tenants/" + tenant + "/upstreams", """
                    {"name":"sim","provider":"openai","baseUrl":"%s","credential":"%s","models":["*"]}""".formatted(
                            gateway.upstream.baseUrl(), Gateway.UPSTREAM_CREDENTIAL)));
            HttpResponse<String> key = post(
                    control,
                    operatorToken,
                    "/api/v1/tenants/" + tenant + "/keys",
                    "{\"agentId\":\"" + agent + "\",\"name\":\"k\"}");
            String rawKey = Platform.json(key.body()).getString("key");
            HttpResponse<String> answer = http(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + proxy + "/v1/chat/completions"))
                    .header("Authorization", "Bearer " + rawKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Proxy.userMessage("gpt-4o-mini", "hello from acme"))));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("Echo: hello from acme");

            // Each listener serves its own side only.
            assertThat(get("http://127.0.0.1:" + proxy + "/api/v1/tenants").statusCode())
                    .isEqualTo(404);
            assertThat(get(control + "/v1/models").statusCode()).isEqualTo(404);

            // A tenant owner signs in to the console there (password, then an authenticator code).
            String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
            created(post(control, operatorToken, "/api/v1/tenants/" + tenant + "/users", """
                    {"email":"%s","password":"%s","role":"owner"}""".formatted(
                            email, SignIn.password(email))));
            signInToTheConsole(control, email);
        } finally {
            server(wlp, "stop", Map.of());
        }
    }

    private static byte[] masterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private void signInToTheConsole(String control, String email) throws Exception {
        WebDriver browser = ConsoleBrowser.open();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(control + "/console/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:email")))
                    .sendKeys(email);
            browser.findElement(By.id("login:password")).sendKeys(SignIn.password(email));
            browser.findElement(By.id("login:submit")).click();
            String secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("otp-secret")))
                    .getText();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:code")))
                    .sendKeys(SignIn.code(new Base32().decode(secret), System.currentTimeMillis() / 30_000));
            browser.findElement(By.id("login:submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("whoami"), email));
        } finally {
            browser.quit();
        }
    }

    /** RenLayer's files as the enterprise keeps them: the EAR, the libraries, the plugins, the include. */
    private static void layOutRenLayer(Path ours, Path home) throws IOException {
        copy(ours.resolve("apps/renlayer.ear"), home.resolve("apps/renlayer.ear"));
        copy(ours.resolve("renlayer.xml"), home.resolve("renlayer.xml"));
        for (String lib : List.of("jdbc", "hibernate", "spi")) {
            try (var jars = Files.list(ours.resolve("lib").resolve(lib))) {
                for (Path jar : jars.toList()) {
                    copy(jar, home.resolve("lib").resolve(lib).resolve(jar.getFileName()));
                }
            }
        }
        try (var plugins = Files.list(ours.resolve("plugins"))) {
            // The plugins that ship with the gateway; other tests install theirs into ours for a while.
            for (Path jar : plugins.filter(p -> p.getFileName().toString().startsWith("renlayer-"))
                    .toList()) {
                copy(jar, home.resolve("plugins").resolve(jar.getFileName()));
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

    /** The enterprise's own application: a static page, at /hello. */
    private static void writeHelloApp(Path war) throws IOException {
        Files.createDirectories(war.getParent());
        try (OutputStream out = Files.newOutputStream(war);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("index.html"));
            zip.write("<html><body>hello from acme</body></html>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static int server(Path wlp, String action, Map<String, String> env) throws Exception {
        return Gateway.server(wlp, action, SERVER, env);
    }

    private void awaitReady(String url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            try {
                if (get(url).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // keep waiting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the enterprise server was not ready; see its logs under usr/servers/" + SERVER);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http(HttpRequest.newBuilder(URI.create(url)));
    }

    private HttpResponse<String> post(String control, String token, String path, String json) throws Exception {
        return http(HttpRequest.newBuilder(URI.create(control + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> http(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonObject body = Platform.json(response.body());
        return body.getString("id");
    }
}
