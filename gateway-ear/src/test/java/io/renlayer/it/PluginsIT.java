package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The vendor path end to end: the example vendor plugin (a separate Maven project built against
 * the SPI artifact), a misbehaving one and two that carry different versions of one library are
 * dropped into the running server's plugins/ directory and run on proxied calls, with no restart.
 */
@ExtendWith(GatewayExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginsIT {

    private static final Path VENDOR_JAR = Path.of(System.getProperty("renlayer.it.vendor-plugin"));

    /**
     * First, so the vendor detector's health is its own: under the floods of hanging calls below a
     * 2-core machine can make it overrun its budget too, which rightly marks it degraded.
     */
    @Test
    @Order(1)
    void aVendorPluginDroppedIntoPluginsRunsOnProxiedCallsWithoutARestart(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        installPlugins(gateway, platform);

        JsonObject listed = plugin(platform, "acme-employee-id").orElseThrow();
        assertThat(listed.getString("kind")).isEqualTo("DLP_DETECTOR");
        assertThat(listed.getString("vendor")).isEqualTo("Example Corp");
        assertThat(listed.getString("version")).isEqualTo("1.0.0");
        assertThat(listed.getString("sourceJar"))
                .isEqualTo(VENDOR_JAR.getFileName().toString());
        assertThat(listed.getString("spiVersion")).isEqualTo("1.0");
        assertThat(listed.getJsonObject("health").getString("status")).isEqualTo("ok");
        assertThat(plugin(platform, "openai").orElseThrow().getString("kind")).isEqualTo("UPSTREAM_PROVIDER");

        Platform.TestTenant tenant = platform.newTenant();
        HttpResponse<String> response = new Proxy(gateway)
                .chat(tenant.key(), Proxy.userMessage("gpt-4o", "employee ACME-123456 forgot a badge"));

        assertThat(response.statusCode()).isEqualTo(200);
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        JsonObject trace = platform.awaitTrace(tenant.tenantId(), t -> requestId.equals(t.getString("requestId")));
        JsonObject finding = trace.getJsonArray("findings").getJsonObject(0);
        assertThat(finding.getString("detector")).isEqualTo("acme-employee-id");
        assertThat(finding.getString("type")).isEqualTo("ACME_EMPLOYEE_ID");
        assertThat(finding.getInt("start")).isEqualTo(9);
        assertThat(finding.getInt("end")).isEqualTo(20);
        assertThat(trace.toString()).doesNotContain("ACME-123456");
        assertThat(trace.getJsonArray("pluginFailures")).isEmpty();
    }

    @Test
    void throwingAndHangingPluginsLeaveTheProxyAnswering(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        installPlugins(gateway, platform);
        Platform.TestTenant tenant = platform.newTenant();
        Proxy proxy = new Proxy(gateway);

        HttpResponse<String> thrown = proxy.chat(tenant.key(), Proxy.userMessage("gpt-4o", "cue-throw"));
        long started = System.nanoTime();
        HttpResponse<String> hung = proxy.chat(tenant.key(), Proxy.userMessage("gpt-4o", "cue-hang"));
        Duration hungCallTook = Duration.ofNanos(System.nanoTime() - started);

        assertThat(thrown.statusCode()).isEqualTo(200);
        assertThat(hung.statusCode()).isEqualTo(200);
        assertThat(hungCallTook).isLessThan(Duration.ofSeconds(2)); // the plugin hangs for 5 s
        JsonObject thrownTrace =
                platform.awaitTrace(tenant.tenantId(), t -> requestIdOf(thrown).equals(t.getString("requestId")));
        JsonObject hungTrace =
                platform.awaitTrace(tenant.tenantId(), t -> requestIdOf(hung).equals(t.getString("requestId")));
        assertThat(strings(thrownTrace)).containsExactly("it-throwing");
        assertThat(strings(hungTrace)).containsExactly("it-hanging");

        JsonObject throwingHealth =
                plugin(platform, "it-throwing").orElseThrow().getJsonObject("health");
        JsonObject hangingHealth = plugin(platform, "it-hanging").orElseThrow().getJsonObject("health");
        assertThat(throwingHealth.getString("status")).isEqualTo("degraded");
        assertThat(throwingHealth.getInt("failures")).isPositive();
        assertThat(throwingHealth.getString("lastError")).contains("IllegalStateException");
        assertThat(hangingHealth.getInt("timeouts")).isPositive();
        awaitDrained(platform, tenant, 2);
    }

    @Test
    void manyHangingCallsDoNotExhaustTheGateway(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        installPlugins(gateway, platform);
        Platform.TestTenant tenant = platform.newTenant();
        Proxy proxy = new Proxy(gateway);

        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add(clients.submit(() -> proxy.chat(tenant.key(), Proxy.userMessage("gpt-4o", "cue-hang"))
                        .statusCode()));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        }
        // Calls stuck in the plugin are bounded, and ordinary traffic is served as usual.
        assertThat(plugin(platform, "it-hanging")
                        .orElseThrow()
                        .getJsonObject("health")
                        .getInt("inFlight"))
                .isLessThanOrEqualTo(64);
        assertThat(proxy.chat(tenant.key(), Proxy.userMessage("gpt-4o", "all is well"))
                        .statusCode())
                .isEqualTo(200);
        awaitDrained(platform, tenant, 101);
    }

    @Test
    void aTenantThatDeniesOnPluginFailureRefusesTheCall(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        installPlugins(gateway, platform);
        Platform.TestTenant tenant = platform.newTenant();
        try (var db = Gateway.database();
                var st = db.prepareStatement(
                        "UPDATE renlayer.tenants SET plugin_fail_mode = 'deny' WHERE id = ?::uuid")) {
            st.setString(1, tenant.tenantId());
            st.executeUpdate();
        }

        HttpResponse<String> refused = null;
        for (int i = 0; i < 50 && (refused == null || refused.statusCode() != 503); i++) {
            refused = new Proxy(gateway).chat(tenant.key(), Proxy.userMessage("gpt-4o", "cue-throw"));
            Thread.sleep(100);
        }

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(Platform.json(refused.body()).getJsonObject("error").getString("code"))
                .isEqualTo("inspection_failed");
        assertThat(new Proxy(gateway)
                        .chat(tenant.key(), Proxy.userMessage("gpt-4o", "harmless"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void twoPluginsCarryingDifferentVersionsOfOneLibraryEachRunWithTheirOwn(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        installPlugins(gateway, platform);
        Platform.TestTenant tenant = platform.newTenant();

        // What is shown here is which library each plugin ran with, not its budget: a call whose
        // plugins all overran it (a 2-core machine just after the floods of hanging calls above)
        // is asked again.
        JsonObject trace = null;
        for (int attempt = 0; attempt < 10 && (trace == null || budgetOverrun(trace)); attempt++) {
            HttpResponse<String> response =
                    new Proxy(gateway).chat(tenant.key(), Proxy.userMessage("gpt-4o", "tell me which-gson you have"));
            assertThat(response.statusCode()).isEqualTo(200);
            trace = platform.awaitTrace(
                    tenant.tenantId(), t -> requestIdOf(response).equals(t.getString("requestId")));
        }
        assertThat(trace.getJsonArray("findings").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(f -> f.getString("detector").startsWith("it-gson-"))
                        .map(f -> f.getString("detector") + "=" + f.getString("type"))
                        .sorted()
                        .toList())
                .containsExactly("it-gson-2-10-1=GSON_2_10_1", "it-gson-2-13-2=GSON_2_13_2");
    }

    @Test
    void aJarForAnotherSpiIsListedAsRefusedAndARemovedJarIsDropped(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        installPlugins(gateway, platform);
        Path future = Files.createTempFile("acme-for-spi-2", ".jar");
        PluginJars.withSpiVersion(VENDOR_JAR, "2.0", future);

        gateway.installPlugin(future, "acme-for-spi-2.jar");
        JsonObject refused = TestPlugins.await(platform, list -> refusedJar(list, "acme-for-spi-2.jar"));
        assertThat(refused.getString("spiVersion")).isEqualTo("2.0");
        assertThat(refused.getString("reason")).startsWith("built for SPI 2.0, which this gateway (SPI 1.");
        assertThat(plugin(platform, "acme-employee-id").orElseThrow().getString("sourceJar"))
                .isEqualTo(VENDOR_JAR.getFileName().toString());

        gateway.removePlugin("acme-for-spi-2.jar");
        TestPlugins.await(
                platform,
                list -> refusedJar(list, "acme-for-spi-2.jar").isEmpty() ? Optional.of(list) : Optional.empty());
    }

    private static void installPlugins(Gateway gateway, Platform platform) throws Exception {
        TestPlugins.install(gateway, platform);
    }

    private static Optional<JsonObject> refusedJar(JsonObject list, String jar) {
        return list.getJsonArray("refused").stream()
                .map(JsonValue::asJsonObject)
                .filter(p -> jar.equals(p.getString("sourceJar")))
                .findFirst();
    }

    /**
     * While the hanging detector has too many stuck calls it counts as failed on every call; other
     * tests must not inherit that, so each test that hangs it waits for its calls to end. The trace
     * writer scans each call's bodies again, and a scan after the first hangs ended starts another
     * (5 s): so first the tenant's {@code calls} rows must be stored, then the last hangs end.
     */
    private static void awaitDrained(Platform platform, Platform.TestTenant tenant, int calls) throws Exception {
        assertThat(StoredTraces.total(StoredTraces.await(tenant.tenantId(), calls)))
                .isGreaterThanOrEqualTo(calls);
        for (int i = 0; i < 150; i++) {
            if (plugin(platform, "it-hanging")
                            .orElseThrow()
                            .getJsonObject("health")
                            .getInt("inFlight")
                    == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the hanging detector's calls did not end");
    }

    /** Every vendor plugin failed the call at once, the trivial ones too: the machine stalled, no plugin. */
    private static boolean budgetOverrun(JsonObject trace) {
        return strings(trace).contains("it-throwing") && strings(trace).contains("it-gson-2-10-1");
    }

    private static Optional<JsonObject> plugin(Platform platform, String id) throws Exception {
        HttpResponse<String> response = platform.get("/api/v1/plugins");
        assertThat(response.statusCode()).isEqualTo(200);
        return TestPlugins.listed(Platform.json(response.body()), id);
    }

    private static String requestIdOf(HttpResponse<String> response) {
        return response.headers().firstValue("x-request-id").orElseThrow();
    }

    private static List<String> strings(JsonObject trace) {
        return trace.getJsonArray("pluginFailures").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
